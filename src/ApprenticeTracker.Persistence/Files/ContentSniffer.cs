using System.IO.Compression;
using System.Text;

namespace ApprenticeTracker.Persistence.Files;

/// <summary>A kind of file evidence may carry, recognised by its content.</summary>
/// <param name="ContentType">The media type served on download.</param>
/// <param name="Description">How the kind is named to people, for example "PDF document".</param>
public sealed record FileKind(string ContentType, string Description)
{
    public static readonly FileKind Pdf = new("application/pdf", "PDF document");
    public static readonly FileKind Png = new("image/png", "PNG image");
    public static readonly FileKind Jpeg = new("image/jpeg", "JPEG image");
    public static readonly FileKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document");
    public static readonly FileKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook");
    public static readonly FileKind PlainText = new("text/plain; charset=utf-8", "plain text");

    /// <summary>The kinds accepted, in the order they are named to people.</summary>
    public static IReadOnlyList<FileKind> Accepted { get; } = [Pdf, Png, Jpeg, Docx, Xlsx, PlainText];
}

/// <summary>
/// Recognises the accepted file kinds by their content (magic bytes, the parts inside an Office zip, valid UTF-8
/// text), never by the name or the type the uploader's browser claims. An executable renamed <c>.pdf</c> is not a PDF.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>How many leading bytes <see cref="Sniff"/> looks at before it opens the whole file.</summary>
    public const int HeadLength = 1024;

    /// <summary>Recognises a complete file; null when it is none of the accepted kinds.</summary>
    /// <param name="file">A readable, seekable stream of the whole file; its position is left unspecified.</param>
    public static FileKind? Sniff(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.CanSeek || !file.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(file));
        }

        file.Position = 0;
        var head = new byte[HeadLength];
        var read = file.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        var span = head.AsSpan(0, read);
        if (span.StartsWith(PdfMagic))
        {
            return FileKind.Pdf;
        }

        if (span.StartsWith(PngMagic))
        {
            return FileKind.Png;
        }

        if (span.StartsWith(JpegMagic))
        {
            return FileKind.Jpeg;
        }

        if (span.StartsWith(ZipMagic))
        {
            file.Position = 0;
            return SniffOfficeZip(file);
        }

        file.Position = 0;
        return IsPlainText(file) ? FileKind.PlainText : null;
    }

    private static FileKind? SniffOfficeZip(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Contains("word/document.xml"))
            {
                return FileKind.Docx;
            }

            return names.Contains("xl/workbook.xml") ? FileKind.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Plain text is valid UTF-8 (a byte-order mark allowed) with no NUL and no control characters other than tab,
    /// line feed, form feed and carriage return.
    /// </summary>
    private static bool IsPlainText(Stream file)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        var any = false;
        int read;
        try
        {
            while ((read = file.Read(bytes, 0, bytes.Length)) > 0)
            {
                any = true;
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                for (var i = 0; i < count; i++)
                {
                    var c = chars[i];
                    if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                    {
                        return false;
                    }
                }
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return any;
    }
}
