namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>What the evidence form offers: the duties and KSBs of the apprentice's standard version and the types.</summary>
public sealed class EvidenceFormChoices
{
    public required string StandardDisplayReference { get; init; }

    public required IReadOnlyList<DutyChoice> Duties { get; init; }

    /// <summary>Empty when the standard version has no KSBs; the form then leaves the KSB section out.</summary>
    public required IReadOnlyList<KsbChoice> Ksbs { get; init; }

    /// <summary>The status of the apprenticeship; the form is offered only while it is active.</summary>
    public EnrolmentStatus EnrolmentStatus { get; init; } = EnrolmentStatus.Active;

    /// <summary>Every type, in the order they are offered.</summary>
    public static IReadOnlyList<EvidenceType> Types { get; } = Enum.GetValues<EvidenceType>();
}

/// <summary>A duty the evidence may support.</summary>
public sealed class DutyChoice
{
    public Guid Id { get; init; }

    public int Number { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Statement { get; init; } = string.Empty;
}

/// <summary>A KSB the evidence may show.</summary>
public sealed class KsbChoice
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Detail { get; init; } = string.Empty;
}

/// <summary>A file already attached to the item being edited.</summary>
public sealed class AttachmentRow
{
    public Guid Id { get; init; }

    public Guid EvidenceItemId { get; init; }

    public string FileName { get; init; } = string.Empty;

    public long SizeBytes { get; init; }

    public string ContentType { get; init; } = string.Empty;

    public DateTimeOffset UploadedAt { get; init; }

    public string Size => Attachment.FormatSize(SizeBytes);

    public string DownloadUrl => EvidenceRoutes.Attachment(EvidenceItemId, Id);
}
