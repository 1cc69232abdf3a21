namespace ApprenticeTracker.Persistence.Standards;

/// <summary>The outcome of importing one standard version.</summary>
public sealed record StandardImportResult
{
    public bool Succeeded { get; private init; }

    /// <summary>Why the import was refused, written for the person who tried; null on success.</summary>
    public string? Error { get; private init; }

    public string? ReferenceNumber { get; private init; }

    public string? Version { get; private init; }

    /// <summary>True when the version was new; false when an existing version was re-imported.</summary>
    public bool Created { get; private init; }

    public int DutyCount { get; private init; }

    public int KsbCount { get; private init; }

    public static StandardImportResult Success(string referenceNumber, string version, bool created, int dutyCount, int ksbCount) => new()
    {
        Succeeded = true,
        ReferenceNumber = referenceNumber,
        Version = version,
        Created = created,
        DutyCount = dutyCount,
        KsbCount = ksbCount,
    };

    public static StandardImportResult Failure(string error, string? referenceNumber = null, string? version = null) => new()
    {
        Succeeded = false,
        Error = error,
        ReferenceNumber = referenceNumber,
        Version = version,
    };
}
