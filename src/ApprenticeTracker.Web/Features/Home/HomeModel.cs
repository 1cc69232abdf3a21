namespace ApprenticeTracker.Web.Features.Home;

/// <summary>What the home page shows: every imported standard version with its duties.</summary>
public sealed record HomeModel(IReadOnlyList<StandardSummary> Standards);

/// <summary>One imported standard version, as the home page describes it.</summary>
public sealed class StandardSummary
{
    public Guid Id { get; init; }

    public string ReferenceNumber { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public int Level { get; init; }

    /// <summary>Typical duration to gateway, in months.</summary>
    public int TypicalDurationMonths { get; init; }

    public string Route { get; init; } = string.Empty;

    public string? Status { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>Duties in publication order (D1, D2…); filled in by the query after the projection.</summary>
    public IReadOnlyList<DutySummary> Duties { get; set; } = [];

    /// <summary>"ST0413 v1.1".</summary>
    public string DisplayReference => $"{ReferenceNumber} v{Version}";
}

/// <summary>One duty statement, verbatim, with its code.</summary>
public sealed class DutySummary
{
    public Guid StandardId { get; init; }

    public int Number { get; init; }

    /// <summary>D1, D2…</summary>
    public string Code { get; init; } = string.Empty;

    public string Statement { get; init; } = string.Empty;
}
