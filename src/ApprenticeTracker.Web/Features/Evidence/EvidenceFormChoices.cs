namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>What the evidence form offers: the duties and KSBs of the apprentice's standard version and the types.</summary>
public sealed class EvidenceFormChoices
{
    public required string StandardDisplayReference { get; init; }

    public required IReadOnlyList<DutyChoice> Duties { get; init; }

    /// <summary>The evidence the apprentice already has for each duty (drafts not counted); a duty with none is left out.</summary>
    public IReadOnlyList<DutyTally> Tallies { get; init; } = [];

    /// <summary>Empty when the standard version has no KSBs; the form then leaves the KSB section out.</summary>
    public required IReadOnlyList<KsbChoice> Ksbs { get; init; }

    /// <summary>The status of the apprenticeship; the form is offered only while it is active.</summary>
    public EnrolmentStatus EnrolmentStatus { get; init; } = EnrolmentStatus.Active;

    /// <summary>The contacts of the apprentice's employer (with their provider) who may be named as the witness of a testimony, by name.</summary>
    public IReadOnlyList<WitnessChoice> Witnesses { get; init; } = [];

    /// <summary>Every type, in the order they are offered.</summary>
    public static IReadOnlyList<EvidenceType> Types { get; } = Enum.GetValues<EvidenceType>();
}

/// <summary>An employer contact who may be named as the witness of a testimony.</summary>
/// <param name="Name">Their name and job title.</param>
public sealed record WitnessChoice(Guid Id, string Name);

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

/// <summary>The evidence one duty of the apprentice's already has, as the duty picker shows it.</summary>
public sealed record DutyTally(Guid DutyId, int Accepted, int Waiting, int ReferredBack)
{
    public const string None = "No evidence yet";

    /// <summary>For example "2 accepted, 1 waiting for review".</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        if (Accepted > 0)
        {
            parts.Add($"{Accepted} accepted");
        }

        if (Waiting > 0)
        {
            parts.Add($"{Waiting} waiting for review");
        }

        if (ReferredBack > 0)
        {
            parts.Add($"{ReferredBack} referred back");
        }

        return parts.Count == 0 ? None : string.Join(", ", parts);
    }
}
