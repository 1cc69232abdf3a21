using ApprenticeTracker.Domain.Common;

namespace ApprenticeTracker.Persistence.Standards;

/// <summary>
/// Imports a standard version from a Skills England JSON file, in one transaction: a new version is created; a
/// re-published version replaces the stored one, unless that would change duties or KSBs that evidence already uses.
/// A refused import writes nothing.
/// </summary>
public sealed class StandardImporter
{
    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly TimeProvider _time;

    public StandardImporter(IDbContextFactory<AppDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Imports the standard version in the file at <paramref name="path"/>.</summary>
    public async Task<StandardImportResult> ImportFileAsync(string path, Actor actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return StandardImportResult.Failure($"There is no file at '{path}'.");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true);
        return await ImportAsync(stream, actor, ct);
    }

    /// <summary>Imports the standard version in <paramref name="json"/>.</summary>
    public async Task<StandardImportResult> ImportAsync(Stream json, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(actor);
        StandardDefinition definition;
        try
        {
            definition = await StandardJsonReader.ReadAsync(json, ct);
        }
        catch (StandardFormatException e)
        {
            return StandardImportResult.Failure(e.Message);
        }

        var reference = definition.ReferenceNumber.Trim().ToUpperInvariant();
        var version = definition.Version.Trim();
        await using var db = await _factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var standard = await db.Standards
                .Include(s => s.Duties).ThenInclude(d => d.Ksbs)
                .Include(s => s.Ksbs)
                .Include(s => s.GatewayRequirements)
                .AsSplitQuery()
                .SingleOrDefaultAsync(s => s.ReferenceNumber == reference && s.Version == version, ct);
            var created = standard is null;
            if (standard is null)
            {
                standard = Standard.Create(definition, actor, _time.GetUtcNow());
                db.Standards.Add(standard);
            }
            else
            {
                standard.Redefine(definition, await RecordsInUseAsync(db, standard, ct), actor, _time.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return StandardImportResult.Success(standard.ReferenceNumber, standard.Version, created, standard.Duties.Count, standard.Ksbs.Count);
        }
        catch (DomainException e)
        {
            return StandardImportResult.Failure(e.Message, reference, version);
        }
        catch (DbUpdateException)
        {
            // Another import of the same version saved first, or records outside the standard depend on what it would remove.
            return StandardImportResult.Failure(
                $"{reference} v{version} could not be saved: it was changed by someone else meanwhile, or other records still depend on what this file would remove. Nothing was imported.",
                reference,
                version);
        }
    }

    /// <summary>The duties and KSBs of a version that evidence is mapped to, or that a sign-off names.</summary>
    private static async Task<IReadOnlySet<Guid>> RecordsInUseAsync(AppDbContext db, Standard standard, CancellationToken ct)
    {
        var dutyIds = standard.Duties.Select(d => d.Id).ToList();
        var ksbIds = standard.Ksbs.Select(k => k.Id).ToList();
        var inUse = new HashSet<Guid>();
        inUse.UnionWith(await db.Set<Domain.Evidence.EvidenceDuty>().Where(e => dutyIds.Contains(e.DutyId)).Select(e => e.DutyId).Distinct().ToListAsync(ct));
        inUse.UnionWith(await db.DutySignOffs.Where(s => dutyIds.Contains(s.DutyId)).Select(s => s.DutyId).Distinct().ToListAsync(ct));
        inUse.UnionWith(await db.Set<Domain.Evidence.EvidenceKsb>().Where(e => ksbIds.Contains(e.KsbId)).Select(e => e.KsbId).Distinct().ToListAsync(ct));
        return inUse;
    }
}
