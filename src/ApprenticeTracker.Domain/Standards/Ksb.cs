namespace ApprenticeTracker.Domain.Standards;

/// <summary>A knowledge, skill or behaviour statement of a standard version.</summary>
public sealed class Ksb : Entity
{
    public const int DetailMaxLength = 2000;
    public const int CodeMaxLength = 10;

    /// <summary>The longest publisher's id kept; the same limit as a duty's.</summary>
    public const int ExternalIdMaxLength = Duty.ExternalIdMaxLength;

    private Ksb()
    {
        ExternalId = string.Empty;
        Code = string.Empty;
        Detail = string.Empty;
    }

    internal Ksb(Guid standardId, KsbKind kind, int position, string externalId, string detail)
        : base(Guid.NewGuid())
    {
        StandardId = standardId;
        Kind = kind;
        Position = position;
        Code = $"{kind.Prefix()}{position}";
        ExternalId = externalId;
        Detail = detail;
    }

    public Guid StandardId { get; private set; }

    public KsbKind Kind { get; private set; }

    /// <summary>Position among the statements of its kind, from 1.</summary>
    public int Position { get; private set; }

    /// <summary>K1, S3, B2…</summary>
    public string Code { get; private set; }

    /// <summary>The publisher's id of the statement (a GUID in current Skills England data).</summary>
    public string ExternalId { get; private set; }

    public string Detail { get; private set; }

    internal void Redefine(KsbKind kind, int position, string detail)
    {
        Kind = kind;
        Position = position;
        Code = $"{kind.Prefix()}{position}";
        Detail = detail;
    }
}
