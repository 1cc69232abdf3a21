using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Live;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Records an assessor's acceptance or referral of a submitted item, through the domain, which audits it.</summary>
public sealed class ReviewEvidenceHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, Notifications notifications, ILiveEventHub live, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid evidenceId, ReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await AccessScopes.Evidence(db, user)
            .Where(e => e.Id == evidenceId && e.Status != EvidenceStatus.Draft)
            .Include(e => e.Reviews)
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return CommandResult.NotFound;
        }

        var enrolment = await AccessScopes.Enrolments(db, user)
            .Include(e => e.Assignments)
            .SingleOrDefaultAsync(e => e.Id == item.EnrolmentId, ct);
        var assessor = await db.Assessors.SingleOrDefaultAsync(a => a.Id == user.AssessorId, ct);
        if (enrolment is null || assessor is null)
        {
            return CommandResult.NotFound;
        }

        if (item.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict(AssessorDecision.ChangedMeanwhile);
        }

        var now = time.GetUtcNow();
        try
        {
            switch (form.Decision)
            {
                case ReviewForm.Accept:
                    item.Accept(enrolment, assessor, form.Feedback, now);
                    break;
                case ReviewForm.ReferBack:
                    item.ReferBack(enrolment, assessor, form.Feedback ?? string.Empty, now);
                    break;
                default:
                    return CommandResult.Refused(nameof(ReviewForm.Decision), "Choose whether to accept the item or refer it back.");
            }

            await notifications.EvidenceReviewedAsync(db, item, assessor.FullName, form.Feedback, now, ct);
            await db.SaveChangesAsync(ct);
            live.Publish(LiveEvent.Reviewed(item.EnrolmentId, item.Id));
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
