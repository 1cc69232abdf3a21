using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Live;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// Signs off a duty for an apprentice of the signed-in assessor's caseload, once their password confirms that they are
/// the one signing. A wrong password counts towards locking the account, as a wrong password at sign-in does.
/// </summary>
public sealed class SignOffDutyHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, UserManager<AppUser> users, Notifications notifications, ILiveEventHub live, TimeProvider time)
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

        var signature = await CheckSignatureAsync(form.Password);
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

    /// <summary>Null when the password is the signed-in account's; otherwise the refusal to show beside the field.</summary>
    private async Task<CommandResult?> CheckSignatureAsync(string? password)
    {
        var account = await users.FindByIdAsync(user.UserId);
        if (account is null)
        {
            return CommandResult.NotFound;
        }

        if (await users.IsLockedOutAsync(account))
        {
            return CommandResult.Refused(
                nameof(SignOffForm.Password),
                $"Your account is locked after too many wrong passwords. Try again in {LockoutMinutes} minutes.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return CommandResult.Refused(nameof(SignOffForm.Password), "Enter your password to sign.");
        }

        if (!await users.CheckPasswordAsync(account, password))
        {
            await users.AccessFailedAsync(account);
            return CommandResult.Refused(
                nameof(SignOffForm.Password),
                await users.IsLockedOutAsync(account)
                    ? $"The password is not right, and your account is now locked after too many wrong passwords. Try again in {LockoutMinutes} minutes."
                    : "The password is not right. Enter the password you sign in with.");
        }

        await users.ResetAccessFailedCountAsync(account);
        return null;
    }

    private string LockoutMinutes =>
        ((int)Math.Ceiling(users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
