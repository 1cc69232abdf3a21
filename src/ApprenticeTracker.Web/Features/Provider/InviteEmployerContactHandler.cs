using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Persistence.Identity;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>What the provider enters to invite a contact of an employer.</summary>
public sealed class EmployerContactForm
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Email { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The first password, set by the provider; the contact must change it at first sign-in.</summary>
    public string? Password { get; set; }
}

/// <summary>One employer of my organisation with its contacts; null when it is not my organisation's.</summary>
public sealed record EmployerDetails(Guid Id, string Name, IReadOnlyList<EmployerContactRow> Contacts);

public sealed record EmployerContactRow(Guid Id, string Name, string JobTitle, string Email);

/// <summary>
/// Reads an employer of the signed-in provider administrator's organisation, and invites a contact of it: the sign-in
/// account (role Employer, first password to be changed, as <see cref="NewAccounts"/> makes every invited account) and
/// the <see cref="EmployerContact"/>, in ONE transaction. Identity's stores use the request's scoped
/// <see cref="AppDbContext"/>, which this handler shares.
/// </summary>
public sealed class InviteEmployerContactHandler(AppDbContext db, NewAccounts accounts, CurrentUser user, TimeProvider time)
{
    public async Task<EmployerDetails?> ReadAsync(Guid employerId, CancellationToken ct)
    {
        var providerId = ProviderScope.Of(user);
        var name = await db.Employers.AsNoTracking()
            .Where(e => e.Id == employerId && e.TrainingProviderId == providerId)
            .Select(e => e.Name)
            .SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var contacts = await db.EmployerContacts.AsNoTracking()
            .Where(c => c.EmployerId == employerId && c.TrainingProviderId == providerId)
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.JobTitle, c.Email })
            .ToListAsync(ct);
        return new EmployerDetails(
            employerId,
            name,
            contacts
                .OrderBy(c => c.FamilyName, PersonName.Order).ThenBy(c => c.GivenName, PersonName.Order)
                .Select(c => new EmployerContactRow(c.Id, PersonName.Full(c.GivenName, c.FamilyName, NameOrder.GivenFirst), c.JobTitle, c.Email))
                .ToList());
    }

    public async Task<CommandResult> HandleAsync(Guid employerId, EmployerContactForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var providerId = ProviderScope.Of(user);
        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == employerId && e.TrainingProviderId == providerId, ct);
        var provider = await db.TrainingProviders.SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (employer is null || provider is null)
        {
            return CommandResult.NotFound;
        }

        var errors = new FormErrors();
        var account = NewAccounts.For(form.Email, form.GivenName, form.FamilyName, NameOrder.GivenFirst);
        var actor = user.AsActor();
        var now = time.GetUtcNow();
        var refusals = new Refusals();

        // The domain checks the details before any account exists, so that every refusal shows at once.
        refusals.Collect(() => EmployerContact.Invite(employer, "not-yet-created", form.GivenName, form.FamilyName, form.Email, form.JobTitle, actor, now));
        if (!refusals.IsEmpty)
        {
            errors.Add(new DomainException(refusals), FieldOf);
        }

        await accounts.CheckAsync(account, form.Password, errors, nameof(EmployerContactForm.Email), nameof(EmployerContactForm.Password), "the contact");
        if (errors.Any)
        {
            return CommandResult.Refused(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await accounts.CreateAsync(account, form.Password!, Roles.Employer);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                errors.Add(NewAccounts.FieldOf(error, nameof(EmployerContactForm.Email), nameof(EmployerContactForm.Password)), error.Description);
            }

            await transaction.RollbackAsync(ct);
            return CommandResult.Refused(errors);
        }

        var contact = EmployerContact.Invite(employer, account.Id, form.GivenName, form.FamilyName, form.Email, form.JobTitle, actor, now);
        db.EmployerContacts.Add(contact);
        await accounts.InviteAsync(account, provider.Id, provider.Name, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult.Done(contact.Id);
    }

    /// <summary>The form field a domain refusal concerns, by the domain's field constant: the one place they are bound.</summary>
    private static string? FieldOf(string? domainField) => domainField switch
    {
        PersonDetails.Fields.GivenName => nameof(EmployerContactForm.GivenName),
        PersonDetails.Fields.FamilyName => nameof(EmployerContactForm.FamilyName),
        PersonDetails.Fields.Email => nameof(EmployerContactForm.Email),
        EmployerContact.Fields.JobTitle => nameof(EmployerContactForm.JobTitle),
        _ => null,
    };
}
