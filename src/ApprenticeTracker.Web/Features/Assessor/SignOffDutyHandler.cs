using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Live;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// Signs off a duty for an apprentice of the signed-in assessor's caseload, once their password confirms that they are
/// the one signing (<see cref="PasswordSignature"/>).
/// </summary>
public sealed class SignOffDutyHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PasswordSignature signatures, Notifications notifications, ILiveEventHub live, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid enrolmentId, Guid dutyId, SignOffForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user)
            .Include(e => e.Assignments)
            .Include(e => e.SignOffs)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == enrolmentId, ct);
        var assessor = await db.Assessors.SingleOrDefaultAsync(a => a.Id == user.AssessorId, ct);
        if (enrolment is null || assessor is null)
        {
            return CommandResult.NotFound;
        }

        var standard = await db.Standards.AsNoTracking().Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var duty = standard.FindDuty(dutyId);
        if (duty is null)
        {
            return CommandResult.NotFound;
        }

        if (enrolment.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict(AssessorDecision.ChangedMeanwhile);
        }

        var signature = await signatures.CheckAsync(form.Password, nameof(SignOffForm.Password));
        if (signature is not null)
        {
            return signature;
        }

        var chosen = form.EvidenceIds.Distinct().ToList();
        var evidence = await AccessScopes.Evidence(db, user)
            .Include(e => e.Duties)
            .Where(e => chosen.Contains(e.Id))
            .ToListAsync(ct);
        if (evidence.Count != chosen.Count)
        {
            return CommandResult.Refused(nameof(SignOffForm.EvidenceIds), "A sign-off can rest only on this apprentice's own accepted evidence.");
        }

        var apprenticeName = await db.Apprentices
            .Where(a => a.Id == enrolment.ApprenticeId)
            .Select(a => PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder))
            .SingleAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            enrolment.SignOffDuty(standard, dutyId, assessor, evidence, SignOffDeclaration.For(apprenticeName, standard, duty), now);
            await notifications.DutySignedOffAsync(db, enrolment, dutyId, assessor.FullName, now, ct);
            await db.SaveChangesAsync(ct);
            live.Publish(LiveEvent.SignOffChanged(enrolment.Id));
            return CommandResult.Done();
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, field => field == Enrolment.Fields.DutyId ? null : field);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(AssessorDecision.ChangedMeanwhile);
        }
    }
}
