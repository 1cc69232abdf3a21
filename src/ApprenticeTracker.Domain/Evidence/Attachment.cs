using System.Globalization;

namespace ApprenticeTracker.Domain.Evidence;

/// <summary>
/// The record of a file attached to an evidence item. The file itself lives in the file store under
/// <see cref="StorageKey"/>; its content type was found by reading its content, never taken from the uploader.
/// </summary>
public sealed class Attachment : Entity
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int StorageKeyMaxLength = 100;
    public const int Sha256HexLength = 64;

    private static readonly string[] SizeUnits = ["KB", "MB", "GB"];

    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
    }

    private Attachment(Guid id)
        : base(id)
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
    }

    public Guid EvidenceItemId { get; private set; }

    /// <summary>The name the apprentice gave the file, shown and offered on download; never used as a path.</summary>
    public string FileName { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hexadecimal.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The media type found by sniffing the content, for example <c>application/pdf</c>.</summary>
    public string ContentType { get; private set; }

    /// <summary>The random name under which the file store keeps the content.</summary>
    public string StorageKey { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// Describes a stored file, refusing a name that could be read as a path or hides characters. Plain text is named
    /// as plain text (see <see cref="AttachmentFileName.ForPlainText"/>), whatever the uploader called it.
    /// </summary>
    public static Attachment Describe(string fileName, long sizeBytes, string sha256, string contentType, string storageKey, DateTimeOffset uploadedAt) =>
        From(FileDescription.Describe(fileName, sizeBytes, sha256, contentType, storageKey, uploadedAt, EvidenceItem.Fields.Attachments));

    /// <summary>The attachment of a file already described (and so already checked).</summary>
    public static Attachment From(FileDescription file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Attachment(Guid.NewGuid())
        {
            FileName = file.FileName,
            SizeBytes = file.SizeBytes,
            Sha256 = file.Sha256,
            ContentType = file.ContentType,
            StorageKey = file.StorageKey,
            UploadedAt = file.UploadedAt,
        };
    }

    internal Attachment CopyFor(Guid evidenceItemId) => new(Guid.NewGuid())
    {
        EvidenceItemId = evidenceItemId,
        FileName = FileName,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        ContentType = ContentType,
        StorageKey = StorageKey,
        UploadedAt = UploadedAt,
    };

    internal void BelongTo(Guid evidenceItemId) => EvidenceItemId = evidenceItemId;

    /// <summary>
    /// "900 bytes", "512 KB", "2.4 MB", "1.5 GB": to one decimal place at most, in the largest unit (1 KB = 1024 bytes)
    /// in which the rounded figure is at least 1, so that a size just short of a unit shows as that unit: 1,048,575
    /// bytes is "1 MB", never "1024 KB".
    /// </summary>
    public static string FormatSize(long bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }

        // Rounded before the unit is chosen, and shown exactly as rounded, so that the choice and the figure agree.
        var value = bytes / 1024d;
        var unit = 0;
        while (unit < SizeUnits.Length - 1 && RoundSize(value) >= 1024)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{RoundSize(value):0.#} {SizeUnits[unit]}");
    }

    private static double RoundSize(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
