using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Live;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Revokes a sign-off of an apprentice of the signed-in assessor's caseload, with a reason that stays on record.</summary>
public sealed class RevokeSignOffHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, Notifications notifications, ILiveEventHub live, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid enrolmentId, Guid signOffId, RevokeForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user)
            .Include(e => e.SignOffs)
            .SingleOrDefaultAsync(e => e.Id == enrolmentId, ct);
        var assessor = await db.Assessors.SingleOrDefaultAsync(a => a.Id == user.AssessorId, ct);
        if (enrolment is null || assessor is null || enrolment.SignOffs.All(s => s.Id != signOffId))
        {
            return CommandResult.NotFound;
        }

        if (enrolment.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict(AssessorDecision.ChangedMeanwhile);
        }

        try
        {
            var now = time.GetUtcNow();
            enrolment.RevokeSignOff(signOffId, form.Reason ?? string.Empty, assessor.AsActor(), now);
            var dutyId = enrolment.SignOffs.Single(s => s.Id == signOffId).DutyId;
            await notifications.SignOffRevokedAsync(db, enrolment, dutyId, assessor.FullName, form.Reason ?? string.Empty, now, ct);
            await db.SaveChangesAsync(ct);
            live.Publish(LiveEvent.SignOffChanged(enrolment.Id));
            return CommandResult.Done();
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(AssessorDecision.ChangedMeanwhile);
        }
    }
}
