namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>Confirms one gateway requirement of one of my organisation's enrolments.</summary>
public sealed class ConfirmGatewayRequirementHandler(EnrolmentChange change)
{
    public Task<CommandResult> HandleAsync(Guid id, GatewayForm form, CancellationToken ct) =>
        change.RunAsync(id, "Key", async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var standard = await EnrolmentChange.LoadStandardAsync(db, enrolment.StandardId, tracked: false, ct);

            // The page shows no gateway form once every requirement is confirmed, so the refusal of a form opened before
            // the last one was has no field to link to, and says why nothing is left to do.
            var nothingLeft = !enrolment.Status.IsFinal()
                && standard.GatewayRequirements.All(r => enrolment.GatewayConfirmations.Any(c => c.RequirementKey == r.Key));
            if (string.IsNullOrWhiteSpace(form.Key))
            {
                errors.Add(nothingLeft ? null : "Key", nothingLeft ? EnrolmentChange.NothingLeftToConfirm : "Choose the requirement to confirm.");
                return;
            }

            try
            {
                enrolment.ConfirmGatewayRequirement(standard, form.Key, form.Note, actor, at);
            }
            catch (DomainException e) when (nothingLeft)
            {
                errors.Add(null, $"{e.Message} {EnrolmentChange.NothingLeftToConfirm}");
            }
        }, ct);
}
