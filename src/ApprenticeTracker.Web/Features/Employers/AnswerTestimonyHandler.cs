using ApprenticeTracker.Web.Live;

namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>
/// The witness named on a testimony confirms it or declines it with a reason, through the domain, which audits it. An
/// item that does not name the signed-in contact, or is not one of their employer's apprentices, is not found; a second
/// click carries the stamp of the item before the first answer, so it is refused and records nothing.
/// </summary>
public sealed class AnswerTestimonyHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, ILiveEventHub live, TimeProvider time)
{
    public const string ChangedMeanwhile =
        "This testimony changed since you opened it (or your answer was already recorded), so nothing was saved. Its current state is shown below.";

    public async Task<CommandResult> HandleAsync(Guid enrolmentId, Guid evidenceId, TestimonyAnswerForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await EmployerWitnessing.NamingMe(db, user)
            .SingleOrDefaultAsync(i => i.Id == evidenceId && i.EnrolmentId == enrolmentId, ct);
        var enrolment = item is null
            ? null
            : await AccessScopes.Enrolments(db, user).AsNoTracking().SingleOrDefaultAsync(e => e.Id == item.EnrolmentId, ct);
        var contact = await db.EmployerContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == user.EmployerContactId && c.UserId == user.UserId, ct);
        if (item is null || enrolment is null || contact is null)
        {
            return CommandResult.NotFound;
        }

        if (item.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict(ChangedMeanwhile);
        }

        var now = time.GetUtcNow();
        try
        {
            switch (form.Answer)
            {
                case TestimonyAnswerForm.Confirm:
                    item.ConfirmWitnessTestimony(enrolment, contact, user.AsActor(), now);
                    break;
                case TestimonyAnswerForm.Decline:
                    item.DeclineWitnessTestimony(enrolment, contact, form.Reason, user.AsActor(), now);
                    break;
                default:
                    return CommandResult.Refused(nameof(TestimonyAnswerForm.Answer), "Choose whether to confirm the testimony or decline it.");
            }

            await db.SaveChangesAsync(ct);
            live.Publish(LiveEvent.WitnessAnswered(item.EnrolmentId, item.Id));
            return CommandResult.Done();
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, FieldFor);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(ChangedMeanwhile);
        }
    }

    private static string? FieldFor(string? domainField) => domainField switch
    {
        EvidenceItem.Fields.WitnessReason => nameof(TestimonyAnswerForm.Reason),
        _ => null,
    };
}
