using ApprenticeTracker.Persistence.Identity;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>What the provider enters to enrol an apprentice.</summary>
public sealed class EnrolForm
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    /// <summary>The order in which the apprentice writes their name; given name first unless chosen.</summary>
    public NameOrder NameOrder { get; set; }

    public string? Email { get; set; }

    public Guid? StandardId { get; set; }

    public Guid? EmployerId { get; set; }

    public Guid? CohortId { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? PlannedEndDate { get; set; }

    /// <summary>The apprentice's unique learner number, optional; read as typed, so a typo is refused at its field.</summary>
    public string? Uln { get; set; }

    public List<Guid> AssessorIds { get; set; } = [];

    /// <summary>The first password, set by the provider; the apprentice must change it at first sign-in.</summary>
    public string? Password { get; set; }
}

/// <summary>The choices of the enrolment form: imported standard versions and my organisation's employers, cohorts and assessors.</summary>
public sealed record EnrolChoices(IReadOnlyList<Choice> Standards, DashboardOptions Organisation);

/// <summary>
/// Enrols an apprentice: creates the sign-in account (role Apprentice, first password to be changed), the domain
/// apprentice and the enrolment with its assessors, in ONE transaction, so that a refusal at any step leaves nothing.
/// Identity's stores use the request's scoped <see cref="AppDbContext"/>, which this handler shares.
/// </summary>
public sealed class EnrolHandler(AppDbContext db, NewAccounts accounts, CurrentUser user, TimeProvider time, DashboardQuery lookups)
{
    public async Task<EnrolChoices> ChoicesAsync(CancellationToken ct)
    {
        var standards = await db.Standards.AsNoTracking()
            .OrderBy(s => s.ReferenceNumber).ThenByDescending(s => s.ImportedAt)
            .Select(s => new Choice(s.Id, s.ReferenceNumber + " v" + s.Version + " – " + s.Title))
            .ToListAsync(ct);
        return new EnrolChoices(standards, await lookups.OptionsAsync(ct));
    }

    public async Task<CommandResult> EnrolAsync(EnrolForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FormErrors();
        var providerId = ProviderScope.Of(user);
        var provider = await db.TrainingProviders.SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            errors.Add(null, "Your account is not linked to a training provider.");
            return CommandResult.Refused(errors);
        }

        Require(errors, form.GivenName, nameof(EnrolForm.GivenName), "Enter the given name.");
        Require(errors, form.FamilyName, nameof(EnrolForm.FamilyName), "Enter the family name.");
        Require(errors, form.Email, nameof(EnrolForm.Email), "Enter the email address.");
        var standard = form.StandardId is { } standardId ? await db.Standards.SingleOrDefaultAsync(s => s.Id == standardId, ct) : null;
        if (standard is null)
        {
            errors.Add(nameof(EnrolForm.StandardId), "Choose the standard version.");
        }

        var employer = form.EmployerId is { } employerId
            ? await db.Employers.SingleOrDefaultAsync(e => e.Id == employerId && e.TrainingProviderId == providerId, ct)
            : null;
        if (employer is null)
        {
            errors.Add(nameof(EnrolForm.EmployerId), "Choose an employer of your organisation.");
        }

        var cohort = form.CohortId is { } cohortId
            ? await db.Cohorts.SingleOrDefaultAsync(c => c.Id == cohortId && c.TrainingProviderId == providerId, ct)
            : null;
        if (form.CohortId is not null && cohort is null)
        {
            errors.Add(nameof(EnrolForm.CohortId), "Choose a cohort of your organisation.");
        }

        if (form.StartDate is null)
        {
            errors.Add(nameof(EnrolForm.StartDate), "Enter the start date.");
        }

        if (form.PlannedEndDate is null)
        {
            errors.Add(nameof(EnrolForm.PlannedEndDate), "Enter the planned end date.");
        }

        var uln = await UlnChecks.ReadAsync(db, providerId, form.Uln, null, errors, nameof(EnrolForm.Uln), ct);

        var assessorIds = form.AssessorIds.Distinct().ToList();
        var assessors = await db.Assessors.Where(a => assessorIds.Contains(a.Id) && a.TrainingProviderId == providerId).ToListAsync(ct);
        if (assessors.Count != assessorIds.Count)
        {
            errors.Add(nameof(EnrolForm.AssessorIds), "Choose assessors of your organisation.");
        }

        var email = form.Email?.Trim() ?? string.Empty;
        var account = NewAccounts.For(email, form.GivenName, form.FamilyName, form.NameOrder);
        await accounts.CheckAsync(account, form.Password, errors, nameof(EnrolForm.Email), nameof(EnrolForm.Password), "the apprentice");
        if (errors.Any)
        {
            return CommandResult.Refused(errors);
        }

        var actor = user.AsActor();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await accounts.CreateAsync(account, form.Password!, Roles.Apprentice);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    errors.Add(NewAccounts.FieldOf(error, nameof(EnrolForm.Email), nameof(EnrolForm.Password)), error.Description);
                }

                await transaction.RollbackAsync(ct);
                return CommandResult.Refused(errors);
            }

            var apprentice = Apprentice.Register(provider, account.Id, form.GivenName!, form.FamilyName!, form.NameOrder, email, actor, now);
            var enrolment = Enrolment.Enrol(apprentice, standard!, employer!, cohort, form.StartDate!.Value, form.PlannedEndDate!.Value, actor, now);
            if (uln is not null)
            {
                enrolment.RecordUln(uln, actor, now);
            }

            foreach (var assessor in assessors)
            {
                enrolment.AssignAssessor(assessor, actor, now);
            }

            db.Apprentices.Add(apprentice);
            db.Enrolments.Add(enrolment);
            await accounts.InviteAsync(account, provider.Id, provider.Name, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return CommandResult.Done(enrolment.Id);
        }
        catch (DomainException e)
        {
            await transaction.RollbackAsync(ct);
            errors.Add(e, FieldOf);
            return CommandResult.Refused(errors);
        }
    }

    /// <summary>The form field a domain refusal concerns, by the domain's field constant: the one place they are bound.</summary>
    private static string? FieldOf(string? domainField) => domainField switch
    {
        Enrolment.Fields.EmployerId => nameof(EnrolForm.EmployerId),
        Enrolment.Fields.CohortId => nameof(EnrolForm.CohortId),
        Enrolment.Fields.PlannedEndDate => nameof(EnrolForm.PlannedEndDate),
        Enrolment.Fields.AssessorId => nameof(EnrolForm.AssessorIds),
        PersonDetails.Fields.Email => nameof(EnrolForm.Email),
        PersonDetails.Fields.GivenName => nameof(EnrolForm.GivenName),
        PersonDetails.Fields.FamilyName => nameof(EnrolForm.FamilyName),
        _ => null,
    };

    private static void Require(FormErrors errors, string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, message);
        }
    }
}
