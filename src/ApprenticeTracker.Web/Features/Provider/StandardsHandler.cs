using ApprenticeTracker.Persistence.Standards;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>One imported standard version with its counts.</summary>
public sealed record StandardVersionSummary(Guid Id, string ReferenceNumber, string Version, string Title, int Level, int Duties, int Ksbs, DateTimeOffset ImportedAt)
{
    public string DisplayReference => $"{ReferenceNumber} v{Version}";
}

/// <summary>Lists the imported standard versions and imports a new one from an uploaded Skills England JSON file.</summary>
public sealed class StandardsHandler(IDbContextFactory<AppDbContext> contexts, StandardImporter importer, CurrentUser user)
{
    /// <summary>The largest file accepted; the published ST0413 file is about 30 KB.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public async Task<IReadOnlyList<StandardVersionSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var standards = await db.Standards.AsNoTracking()
            .Select(s => new StandardVersionSummary(
                s.Id, s.ReferenceNumber, s.Version, s.Title, s.Level,
                db.Duties.Count(d => d.StandardId == s.Id),
                db.Ksbs.Count(k => k.StandardId == s.Id),
                s.ImportedAt))
            .ToListAsync(ct);
        return standards
            .OrderBy(s => s.ReferenceNumber, StringComparer.Ordinal)
            .ThenByDescending(s => s.ImportedAt)
            .ToList();
    }

    /// <summary>Imports the uploaded file; a refusal writes nothing and says why.</summary>
    public async Task<StandardImportResult> ImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return StandardImportResult.Failure("Choose the standard's JSON file to upload.");
        }

        if (file.Length > MaxFileBytes)
        {
            return StandardImportResult.Failure($"The file is too large: a standard's JSON file is at most {MaxFileBytes / 1024 / 1024} MB.");
        }

        await using var stream = file.OpenReadStream();
        return await importer.ImportAsync(stream, user.AsActor(), ct);
    }
}
