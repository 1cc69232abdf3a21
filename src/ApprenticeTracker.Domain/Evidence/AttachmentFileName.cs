namespace ApprenticeTracker.Domain.Evidence;

/// <summary>
/// The name a plain-text attachment is kept and downloaded under. A file's kind is found from its content, but a
/// downloaded file is opened by its name: text named <c>page.html</c> would open in a browser and run any script in
/// it. So text always ends in <c>.txt</c>, and text whose name claims a kind that is not text is refused, since the
/// uploader has probably chosen the wrong file.
/// </summary>
public static class AttachmentFileName
{
    public const string PlainTextExtension = ".txt";

    /// <summary>Extensions of kinds that are not plain text, with how the kind is named to people.</summary>
    private static readonly Dictionary<string, string> ClaimedKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "a PDF document",
        [".png"] = "an image", [".jpg"] = "an image", [".jpeg"] = "an image", [".gif"] = "an image", [".webp"] = "an image",
        [".bmp"] = "an image", [".tif"] = "an image", [".tiff"] = "an image", [".heic"] = "an image",
        [".svg"] = "an SVG image", [".svgz"] = "an SVG image",
        [".doc"] = "a Word document", [".docx"] = "a Word document", [".odt"] = "a document", [".rtf"] = "a document",
        [".xls"] = "a spreadsheet", [".xlsx"] = "a spreadsheet", [".ods"] = "a spreadsheet",
        [".ppt"] = "a presentation", [".pptx"] = "a presentation", [".odp"] = "a presentation",
        [".html"] = "a web page", [".htm"] = "a web page", [".xhtml"] = "a web page", [".shtml"] = "a web page", [".mht"] = "a web page",
        [".exe"] = "a program", [".com"] = "a program", [".bat"] = "a program", [".cmd"] = "a program", [".msi"] = "a program",
        [".scr"] = "a program", [".ps1"] = "a program", [".vbs"] = "a program", [".js"] = "a program", [".hta"] = "a program",
        [".sh"] = "a program", [".jar"] = "a program", [".lnk"] = "a shortcut",
        [".zip"] = "an archive", [".7z"] = "an archive", [".rar"] = "an archive",
    };

    /// <summary>Whether a sniffed content type is plain text (<c>text/plain</c>, with or without a charset).</summary>
    public static bool IsPlainText(string contentType) =>
        contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == "text/plain".Length || contentType["text/plain".Length] is ';' or ' ');

    /// <summary>
    /// The name plain text is kept under: unchanged when it ends in <c>.txt</c>; refused when its extension claims
    /// another kind (<c>report.pdf</c>, <c>page.html</c>, <c>setup.exe</c>); otherwise with <c>.txt</c> added
    /// (<c>notes</c> becomes <c>notes.txt</c>, <c>readings.csv</c> becomes <c>readings.csv.txt</c>).
    /// </summary>
    /// <param name="name">A name already checked by <see cref="FileDescription.Describe"/>: trimmed, with no invisible characters.</param>
    /// <param name="field">The field a refusal names.</param>
    public static string ForPlainText(string name, string field)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extension = Path.GetExtension(name);
        if (string.Equals(extension, PlainTextExtension, StringComparison.OrdinalIgnoreCase))
        {
            return name;
        }

        if (ClaimedKinds.TryGetValue(extension, out var claimed))
        {
            throw new DomainException($"'{name}' holds plain text, but its name says it is {claimed}. Attach the real file, or rename this one to end in {PlainTextExtension}.", field);
        }

        var named = name + PlainTextExtension;
        if (named.Length > Attachment.FileNameMaxLength)
        {
            throw new DomainException($"'{name}' holds plain text, so it is kept with {PlainTextExtension} added to its name, and the name would then be longer than {Attachment.FileNameMaxLength} characters. Shorten the name and try again.", field);
        }

        return named;
    }
}
