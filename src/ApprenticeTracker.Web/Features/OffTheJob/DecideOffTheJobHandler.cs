using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// An assessor of the apprentice or the provider approves one entry or queries it with a reason; refused when the
/// entry changed since the form was opened (decision 6).
/// </summary>
public sealed class DecideOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid entryId, OffTheJobDecisionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await AccessScopes.OffTheJobEntriesToDecide(db, user).SingleOrDefaultAsync(x => x.Id == entryId, ct);
        if (entry is null)
        {
            return CommandResult.NotFound;
        }

        if (entry.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == entry.EnrolmentId, ct);
        var now = time.GetUtcNow();
        return form.Decision switch
        {
            OffTheJobDecisionForm.Approve => await OffTheJobSteps.SaveAsync(db, () => entry.Approve(enrolment, user.AsActor(), now), entry.Id, ct),
            OffTheJobDecisionForm.Query => await OffTheJobSteps.SaveAsync(db, () => entry.Query(enrolment, form.Reason ?? string.Empty, user.AsActor(), now), entry.Id, ct),
            _ => CommandResult.Refused(OffTheJobEntry.Fields.Reason, "Choose whether to approve the entry or query it."),
        };
    }
}
