using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence.Standards;

namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// Brings the database to a state the app can serve: migrated, with the shipped ST0413 standard, and (when asked)
/// with demo data. Runs before the web app starts and for the <c>seed-demo</c> verb.
/// </summary>
public sealed partial class DataPreparation(
    IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> contexts, ILogger<DataPreparation> logger)
{
    public async Task<PreparationResult> PrepareAsync(bool seedDemoData, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);

        var sample = await ImportSampleIfAbsentAsync(services.GetRequiredService<StandardImporter>(), ct);
        var demoSeeded = false;
        if (seedDemoData)
        {
            if (sample.Failed)
            {
                LogDemoDataNeedsSample(logger, SampleStandard.ReferenceNumber, SampleStandard.Version);
            }
            else
            {
                demoSeeded = await services.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
                if (demoSeeded)
                {
                    LogDemoDataSeeded(logger);
                }
            }
        }

        return new PreparationResult(sample, demoSeeded, await FindDemoSignInsAsync(ct));
    }

    private async Task<SampleImport> ImportSampleIfAbsentAsync(StandardImporter importer, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await db.Standards.AnyAsync(s => s.ReferenceNumber == SampleStandard.ReferenceNumber && s.Version == SampleStandard.Version, ct))
            {
                return SampleImport.AlreadyPresent;
            }
        }

        var path = SampleStandard.FilePath;
        var result = await importer.ImportFileAsync(path, Actor.System, ct);
        if (!result.Succeeded)
        {
            LogSampleNotImported(logger, path, result.Error);
            return SampleImport.Failure(result.Error ?? "The import failed.");
        }

        LogSampleImported(logger, result.ReferenceNumber, result.Version, path, result.DutyCount);
        return SampleImport.Imported;
    }

    private async Task<IReadOnlyList<DemoSignIn>> FindDemoSignInsAsync(CancellationToken ct)
    {
        string[] emails =
        [
            DemoDataSeeder.ApprenticeEmail,
            DemoDataSeeder.AssessorEmail,
            DemoDataSeeder.ProviderEmail,
            DemoDataSeeder.ProviderBAdminEmail,
            DemoDataSeeder.EmployerEmail,
            DemoDataSeeder.EmployerBEmail,
        ];

        // Identity's normaliser upper-cases invariantly.
        var normalised = emails.Select(e => e.ToUpperInvariant()).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (
                from user in db.Users.AsNoTracking()
                where normalised.Contains(user.NormalizedEmail!)
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                select new { user.Email, user.DisplayName, Role = role.Name })
            .ToListAsync(ct);

        return rows
            .GroupBy(r => r.Email!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new DemoSignIn(g.Key, g.First().DisplayName, string.Join(", ", g.Select(r => r.Role).Order(StringComparer.Ordinal))))
            .OrderBy(s => Array.FindIndex(emails, e => string.Equals(e, s.Email, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data was not seeded: it needs {Reference} v{Version}, which is not imported.")]
    private static partial void LogDemoDataNeedsSample(ILogger logger, string reference, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo data.")]
    private static partial void LogDemoDataSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shipped standard was not imported from {Path}: {Error}")]
    private static partial void LogSampleNotImported(ILogger logger, string path, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Reference} v{Version} from {Path}: {Duties} duties.")]
    private static partial void LogSampleImported(ILogger logger, string? reference, string? version, string path, int duties);
}

/// <summary>What <see cref="DataPreparation"/> found and did.</summary>
/// <param name="DemoSignIns">The demo accounts present in the database, whether seeded now or before.</param>
public sealed record PreparationResult(SampleImport Sample, bool DemoDataSeeded, IReadOnlyList<DemoSignIn> DemoSignIns);

/// <summary>Whether the shipped standard was already there, was imported now, or could not be imported (and why).</summary>
public sealed record SampleImport(bool WasImported, string? Error)
{
    public static SampleImport AlreadyPresent { get; } = new(false, null);

    public static SampleImport Imported { get; } = new(true, null);

    public bool Failed => Error is not null;

    public static SampleImport Failure(string error) => new(false, error);
}

/// <summary>A demo account: its email, the person's name and role(s). All share <see cref="DemoDataSeeder.DemoPassword"/>.</summary>
public sealed record DemoSignIn(string Email, string DisplayName, string Roles);
