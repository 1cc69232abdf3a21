namespace ApprenticeTracker.Domain.Standards;

/// <summary>
/// The content of one version of an apprenticeship standard as published (for example by Skills England's
/// standards API), before it becomes a <see cref="Standard"/>. Ids are the publisher's opaque ids.
/// </summary>
public sealed record StandardDefinition(
    string ReferenceNumber,
    string Version,
    string Title,
    int Level,
    int TypicalDurationMonths,
    string Route,
    int? LarsCode,
    decimal? MaxFunding,
    bool IntegratedDegree,
    string? Status,
    string? OverviewOfRole,
    IReadOnlyList<DutyDefinition> Duties,
    IReadOnlyList<KsbDefinition> Ksbs,
    int? OffTheJobMinimumHours = null);

/// <summary>A duty statement with the publisher's ids of the KSBs mapped to it.</summary>
public sealed record DutyDefinition(string ExternalId, string Statement, bool IsCore, IReadOnlyList<string> MappedKsbIds);

/// <summary>A knowledge, skill or behaviour statement; its code (K1, S1, B1…) follows from its position among its kind.</summary>
public sealed record KsbDefinition(KsbKind Kind, string ExternalId, string Detail);
