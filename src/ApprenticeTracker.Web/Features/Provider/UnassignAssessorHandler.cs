namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>Ends an assessor's assignment to one of my organisation's enrolments.</summary>
public sealed class UnassignAssessorHandler(EnrolmentChange change)
{
    public Task<CommandResult> HandleAsync(Guid id, AssessorForm form, CancellationToken ct) =>
        change.RunAsync(id, "UnassignId", async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var assessor = await change.FindAssessorAsync(db, form.UnassignId, ct);
            if (assessor is null)
            {
                errors.Add("UnassignId", "That assessor is not one of your organisation's.");
                return;
            }

            enrolment.UnassignAssessor(assessor, actor, at);
        }, ct);
}
