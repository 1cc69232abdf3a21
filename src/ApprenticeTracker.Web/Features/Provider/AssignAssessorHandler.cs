namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>Assigns an assessor of my organisation to one of its enrolments.</summary>
public sealed class AssignAssessorHandler(EnrolmentChange change)
{
    public Task<CommandResult> HandleAsync(Guid id, AssessorForm form, CancellationToken ct) =>
        change.RunAsync(id, nameof(AssessorForm.AssessorId), async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var assessor = await change.FindAssessorAsync(db, form.AssessorId, ct);
            if (assessor is null)
            {
                errors.Add(nameof(AssessorForm.AssessorId), "Choose an assessor of your organisation.");
                return;
            }

            enrolment.AssignAssessor(assessor, actor, at);
        }, ct);
}
