using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ApprenticeTracker.Persistence.Files;

/// <summary>A kind of file recognised by its content: one evidence may carry, or one refused with the reason.</summary>
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

    /// <summary>Text that is a web page: refused, since opening it would run its scripts.</summary>
    public static readonly FileKind Html = new("text/html", "web page (HTML)")
    {
        Refusal = "is a web page (HTML), which cannot be attached: a web page can carry scripts that run when it is opened. Save or print it as a PDF and attach that instead.",
    };

    /// <summary>Text that is an SVG image: refused, since an SVG can carry scripts too.</summary>
    public static readonly FileKind Svg = new("image/svg+xml", "SVG image")
    {
        Refusal = "is an SVG image, which cannot be attached: an SVG image can carry scripts that run when it is opened. Save it as a PNG and attach that instead.",
    };

    /// <summary>The kinds accepted, in the order they are named to people.</summary>
    public static IReadOnlyList<FileKind> Accepted { get; } = [Pdf, Png, Jpeg, Docx, Xlsx, PlainText];

    /// <summary>
    /// Why a file of this kind cannot be attached, for the person who tried, to follow the file's name ("is a web
    /// page…"); null for the accepted kinds.
    /// </summary>
    public string? Refusal { get; private init; }

    public bool IsAccepted => Refusal is null;

    /// <summary>What to tell the uploader of <paramref name="displayName"/> when its kind is refused or was not recognised.</summary>
    public static string RefusalMessage(FileKind? kind, string displayName)
    {
        if (kind?.Refusal is { } why)
        {
            return $"'{displayName}' {why}";
        }

        var accepted = string.Join(", ", Accepted.Select(k => k.Description));
        return $"'{displayName}' is not a kind of file that can be attached. Attach a {accepted} file; the file's content decides, not its name.";
    }
}

/// <summary>
/// Recognises the accepted file kinds by their content (magic bytes, the parts inside an Office zip, valid UTF-8
/// text), never by the name or the type the uploader's browser claims. An executable renamed <c>.pdf</c> is not a PDF.
/// Text with HTML or SVG markup in it is recognised as <see cref="FileKind.Html"/> or <see cref="FileKind.Svg"/>, to be
/// refused: a browser that guesses would render it.
/// </summary>
public static partial class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>How many leading bytes <see cref="Sniff"/> looks at before it opens the whole file.</summary>
    public const int HeadLength = 1024;

    /// <summary>
    /// Recognises a complete file; null when it is none of the accepted kinds, <see cref="FileKind.Html"/> or
    /// <see cref="FileKind.Svg"/> when it is markup a browser would render.
    /// </summary>
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
        if (!IsPlainText(file))
        {
            return null;
        }

        file.Position = 0;
        return FindMarkup(file) ?? FileKind.PlainText;
    }

    /// <summary>
    /// The opening of an HTML document or of an SVG image, or a script element, anywhere in the text and in any case
    /// (<c>&lt;!DOCTYPE html</c>, <c>&lt;html</c>, <c>&lt;svg</c>, <c>&lt;script</c>); a mere "&lt;" in prose does not count.
    /// </summary>
    [GeneratedRegex(@"<(?:!doctype\s+html|html|svg|script)(?=[\s/>])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    /// <summary>The longest text a match can span, carried from one block into the next so no match is cut in two.</summary>
    private const int MarkupOverlap = 64;

    private static FileKind? FindMarkup(Stream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var block = new char[64 * 1024];
        var carried = string.Empty;
        int read;
        while ((read = reader.ReadBlock(block, 0, block.Length)) > 0)
        {
            var text = string.Concat(carried, new string(block, 0, read));
            if (MarkupPattern().Match(text) is { Success: true } found)
            {
                return found.Value.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) ? FileKind.Svg : FileKind.Html;
            }

            carried = text[Math.Max(0, text.Length - MarkupOverlap)..];
        }

        return null;
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
