using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>The form that adds an employer.</summary>
public sealed class EmployerForm
{
    public string? Name { get; set; }
}

/// <summary>The form that adds a cohort.</summary>
public sealed class CohortForm
{
    public string? Name { get; set; }

    public DateOnly? StartDate { get; set; }
}

/// <summary>My organisation's employers and cohorts, with how many apprentices each has.</summary>
public sealed record OrganisationModel(string ProviderName, IReadOnlyList<EmployerSummary> Employers, IReadOnlyList<CohortSummary> Cohorts);

public sealed record EmployerSummary(Guid Id, string Name, int Apprentices);

public sealed record CohortSummary(Guid Id, string Name, DateOnly StartDate, int Apprentices);

/// <summary>Lists and adds the employers and cohorts of the signed-in provider administrator's organisation. Names are unique within it.</summary>
public sealed class OrganisationHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<OrganisationModel> ReadAsync(CancellationToken ct)
    {
        var providerId = ProviderScope.Of(user);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolments = AccessScopes.Enrolments(db, user);
        var name = await db.TrainingProviders.Where(p => p.Id == providerId).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
        var employers = await db.Employers.AsNoTracking()
            .Where(e => e.TrainingProviderId == providerId)
            .OrderBy(e => e.Name)
            .Select(e => new EmployerSummary(e.Id, e.Name, enrolments.Count(x => x.EmployerId == e.Id)))
            .ToListAsync(ct);
        var cohorts = await db.Cohorts.AsNoTracking()
            .Where(c => c.TrainingProviderId == providerId)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Name)
            .Select(c => new CohortSummary(c.Id, c.Name, c.StartDate, enrolments.Count(x => x.CohortId == c.Id)))
            .ToListAsync(ct);
        return new OrganisationModel(name, employers, cohorts);
    }

    public async Task<CommandResult> AddEmployerAsync(EmployerForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FormErrors();
        var providerId = ProviderScope.Of(user);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.TrainingProviders.SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            errors.Add(null, "Your account is not linked to a training provider.");
            return CommandResult.Refused(errors);
        }

        try
        {
            var employer = Employer.Create(provider, form.Name ?? string.Empty, user.AsActor(), time.GetUtcNow());
            var existing = await db.Employers.Where(e => e.TrainingProviderId == providerId).Select(e => e.Name).ToListAsync(ct);
            if (existing.Contains(employer.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("EmployerName", $"Your organisation already has an employer called {employer.Name}.");
                return CommandResult.Refused(errors);
            }

            db.Employers.Add(employer);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            errors.Add("EmployerName", e.Message);
        }

        return errors.Any ? CommandResult.Refused(errors) : CommandResult.Done();
    }

    public async Task<CommandResult> AddCohortAsync(CohortForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FormErrors();
        var providerId = ProviderScope.Of(user);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.TrainingProviders.SingleOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null)
        {
            errors.Add(null, "Your account is not linked to a training provider.");
            return CommandResult.Refused(errors);
        }

        if (form.StartDate is null)
        {
            errors.Add("CohortStartDate", "Enter the date the cohort starts.");
        }

        try
        {
            var cohort = Cohort.Create(provider, form.Name ?? string.Empty, form.StartDate ?? default, user.AsActor(), time.GetUtcNow());
            var existing = await db.Cohorts.Where(c => c.TrainingProviderId == providerId).Select(c => c.Name).ToListAsync(ct);
            if (existing.Contains(cohort.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("CohortName", $"Your organisation already has a cohort called {cohort.Name}.");
            }

            if (errors.Any)
            {
                return CommandResult.Refused(errors);
            }

            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            errors.Add("CohortName", e.Message);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a cohort of the same name saved at the same moment (a double submit).
            errors.Add("CohortName", "Your organisation already has a cohort with that name.");
        }

        return errors.Any ? CommandResult.Refused(errors) : CommandResult.Done();
    }
}
