namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>A duty as the portfolio reads it from the database.</summary>
public sealed class PortfolioDuty
{
    public Guid Id { get; init; }

    public int Number { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Statement { get; init; } = string.Empty;
}

/// <summary>The sign-off of a duty as the portfolio reads it.</summary>
public sealed class SignOffRow
{
    public Guid Id { get; init; }

    public Guid DutyId { get; init; }

    public string AssessorName { get; init; } = string.Empty;

    public DateTimeOffset SignedAt { get; init; }

    public string Declaration { get; init; } = string.Empty;

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedByName { get; init; }

    public string? RevocationReason { get; init; }

    /// <summary>The accepted evidence the sign-off rests on; filled in after the projection.</summary>
    public IReadOnlyList<EvidenceLink> Evidence { get; set; } = [];
}

/// <summary>An item of evidence named and linked from another page.</summary>
public sealed class EvidenceLink
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceStatus Status { get; init; }

    public EvidenceType Type { get; init; }

    public DateOnly ActivityDate { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One tile of the duty grid: a duty, its evidence counts by status and its sign-off.</summary>
public sealed record DutyTile(
    Guid DutyId, string Code, string ShortTitle, string Statement, int Draft, int Submitted, int Accepted, int ReferredBack,
    string? SignedOffBy, DateTimeOffset? SignedOffAt)
{
    public bool IsSignedOff => SignedOffAt is not null;

    public int Total => Draft + Submitted + Accepted + ReferredBack;
}

/// <summary>An item referred back, with the assessor's latest feedback.</summary>
public sealed record ReferredBackItem(Guid Id, string Title, string? Feedback, string? AssessorName, DateTimeOffset? ReviewedAt);

/// <summary>What the apprentice's home page shows.</summary>
public sealed class PortfolioModel
{
    public required ApprenticeEnrolment Enrolment { get; init; }

    public required IReadOnlyList<DutyTile> Duties { get; init; }

    public int DutiesSignedOff { get; init; }

    public int TotalDuties { get; init; }

    public int PercentSignedOff { get; init; }

    public required IReadOnlyList<ReferredBackItem> ReferredBack { get; init; }

    public required IReadOnlyList<EvidenceLink> Drafts { get; init; }

    public IEnumerable<DutyTile> DutiesWithoutEvidence => Duties.Where(d => d.Total == 0);
}

/// <summary>What the duty page shows: the statement, the apprentice's evidence mapped to it and its sign-offs.</summary>
public sealed class DutyPageModel
{
    public required PortfolioDuty Duty { get; init; }

    public required string StandardDisplayReference { get; init; }

    /// <summary>The status of the apprenticeship; evidence is logged only while it is active.</summary>
    public EnrolmentStatus EnrolmentStatus { get; init; } = EnrolmentStatus.Active;

    public required IReadOnlyList<EvidenceLink> Evidence { get; init; }

    /// <summary>Every sign-off, the one in force (if any) and revoked ones, newest first.</summary>
    public required IReadOnlyList<SignOffRow> SignOffs { get; init; }

    public SignOffRow? ActiveSignOff => SignOffs.FirstOrDefault(s => s.RevokedAt is null);
}
