using System.Globalization;

namespace ApprenticeTracker.Domain.Evidence;

/// <summary>
/// A stored file as a record describes it: the name the uploader gave it, its size, SHA-256, the content type found by
/// reading its content (never taken from the uploader) and the key under which the file store keeps it. An evidence
/// <see cref="Attachment"/> is made from one; an off-the-job entry carries one as its optional attachment. The checks
/// are made once, here, for both.
/// </summary>
public sealed record FileDescription
{
    private FileDescription(string fileName, long sizeBytes, string sha256, string contentType, string storageKey, DateTimeOffset uploadedAt)
    {
        FileName = fileName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        ContentType = contentType;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
    }

    /// <summary>The name the uploader gave the file, shown and offered on download; never used as a path.</summary>
    public string FileName { get; private init; }

    public long SizeBytes { get; private init; }

    /// <summary>SHA-256 of the content, lower-case hexadecimal.</summary>
    public string Sha256 { get; private init; }

    /// <summary>The media type found by sniffing the content, for example <c>application/pdf</c>.</summary>
    public string ContentType { get; private init; }

    /// <summary>The random name under which the file store keeps the content.</summary>
    public string StorageKey { get; private init; }

    public DateTimeOffset UploadedAt { get; private init; }

    /// <summary>
    /// Describes a stored file, refusing (naming <paramref name="field"/>) a name that could be read as a path or hides
    /// characters. Plain text is named as plain text (see <see cref="AttachmentFileName.ForPlainText"/>), whatever the
    /// uploader called it.
    /// </summary>
    public static FileDescription Describe(
        string fileName, long sizeBytes, string sha256, string contentType, string storageKey, DateTimeOffset uploadedAt, string field)
    {
        var name = fileName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw new DomainException("The file has no name.", field);
        }

        if (name.Length > Attachment.FileNameMaxLength)
        {
            throw new DomainException($"The file name must be {Attachment.FileNameMaxLength} characters or fewer.", field);
        }

        if (name is "." or ".." || name.IndexOfAny(['/', '\\', ':', '\0']) >= 0)
        {
            throw new DomainException($"The file name '{Printable(name)}' contains characters that are not allowed in a file name (such as / \\ or :). Rename the file and try again.", field);
        }

        if (name.Any(IsInvisible))
        {
            throw new DomainException($"The file name '{Printable(name)}' contains invisible characters (shown here as ?) that are not allowed in a file name: they can make a name read backwards and hide what kind of file it is. Rename the file and try again.", field);
        }

        if (sizeBytes <= 0)
        {
            throw new DomainException($"The file '{name}' is empty.", field);
        }

        if (sha256 is null || sha256.Length != Attachment.Sha256HexLength || !sha256.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("A SHA-256 must be 64 lower-case hexadecimal digits.", nameof(sha256));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (contentType.Length > Attachment.ContentTypeMaxLength)
        {
            throw new DomainException($"The file '{name}' cannot be stored: its content type is longer than {Attachment.ContentTypeMaxLength} characters.", field);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(storageKey);
        if (storageKey.Length > Attachment.StorageKeyMaxLength)
        {
            throw new ArgumentException($"A storage key must be {Attachment.StorageKeyMaxLength} characters or fewer.", nameof(storageKey));
        }

        if (AttachmentFileName.IsPlainText(contentType))
        {
            name = AttachmentFileName.ForPlainText(name, field);
        }

        return new FileDescription(name, sizeBytes, sha256, contentType, storageKey, uploadedAt);
    }

    private static string Printable(string name) =>
        new(name.Select(c => IsInvisible(c) ? '?' : c).ToArray());

    /// <summary>
    /// Control characters, format characters (Unicode category Cf: the right-to-left override U+202E, zero-width
    /// joiners and the like) and line and paragraph separators: none is visible, and some reorder what is shown.
    /// </summary>
    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
