namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>
/// An employer contact agrees, to the declaration shown, that one of their apprentices is ready for gateway; the domain
/// audits it. Another employer's apprentice is not found; a second click carries the stamp from before the first, so it is
/// refused and records nothing.
/// </summary>
public sealed class AgreeGatewayHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public const string ChangedMeanwhile =
        "This apprentice's record changed since you opened it (or your agreement was already recorded), so nothing was saved. Its current state is shown below.";

    public async Task<CommandResult> HandleAsync(Guid enrolmentId, GatewayAgreementForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = user.IsEmployer
            ? await AccessScopes.Enrolments(db, user).SingleOrDefaultAsync(e => e.Id == enrolmentId, ct)
            : null;
        var contact = await db.EmployerContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == user.EmployerContactId && c.UserId == user.UserId, ct);
        if (enrolment is null || contact is null)
        {
            return CommandResult.NotFound;
        }

        if (enrolment.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict(ChangedMeanwhile);
        }

        if (!form.Agree)
        {
            return CommandResult.Refused(nameof(GatewayAgreementForm.Agree), "Tick the box to agree with the declaration, if you do.");
        }

        var names = await (
                from a in db.Apprentices
                where a.Id == enrolment.ApprenticeId
                join employer in db.Employers on enrolment.EmployerId equals employer.Id
                select new { a.GivenName, a.FamilyName, a.NameOrder, Employer = employer.Name })
            .SingleAsync(ct);
        var standard = await db.Standards.AsNoTracking().SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var declaration = EmployerGatewayDeclaration.For(PersonName.Full(names.GivenName, names.FamilyName, names.NameOrder), names.Employer, standard);
        try
        {
            enrolment.AgreeGatewayReadiness(contact, declaration, user.AsActor(), time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return CommandResult.Done();
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, _ => null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(ChangedMeanwhile);
        }
    }
}
