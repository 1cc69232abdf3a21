namespace ApprenticeTracker.Pdf;

/// <summary>
/// The document information dictionary that readers show as the file's properties. Dates are never taken
/// from the clock: a document without <see cref="CreationDate"/> carries no dates, which keeps output
/// byte-identical for identical input.
/// </summary>
public sealed class DocumentInfo
{
    private string _language = "en-GB";

    /// <summary>
    /// The title; readers show it in the window title bar (rather than the file name), and it is written to the XMP
    /// metadata too. PDF/UA requires one.
    /// </summary>
    public string? Title { get; set; }

    /// <summary>
    /// The natural language of the text, as a BCP 47 tag such as <c>en-GB</c> (the default) or <c>cy</c>: screen
    /// readers pronounce the text by it.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a language tag (letters and digits in parts of 1 to 8, joined by hyphens).</exception>
    public string Language
    {
        get => _language;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var parts = value.Split('-');
            if (Array.Exists(parts, part => part.Length is 0 or > 8 || !part.All(char.IsAsciiLetterOrDigit)) || !parts[0].All(char.IsAsciiLetter))
            {
                throw new ArgumentException($"'{value}' is not a language tag such as en-GB.", nameof(value));
            }

            _language = value;
        }
    }

    /// <summary>The person or organisation that wrote the document.</summary>
    public string? Author { get; set; }

    /// <summary>What the document is about.</summary>
    public string? Subject { get; set; }

    /// <summary>Search keywords.</summary>
    public string? Keywords { get; set; }

    /// <summary>The application that made the content (the library itself is named as Producer).</summary>
    public string? Creator { get; set; }

    /// <summary>When the document was created; written with its UTC offset.</summary>
    public DateTimeOffset? CreationDate { get; set; }

    /// <summary>When the document was last changed; defaults to <see cref="CreationDate"/>.</summary>
    public DateTimeOffset? ModificationDate { get; set; }
}

/// <summary>Where a page sits in the finished document, passed to header and footer text.</summary>
/// <param name="Number">The page's number, from 1.</param>
/// <param name="Count">How many pages the document has.</param>
public readonly record struct PageContext(int Number, int Count);

/// <summary>
/// Text repeated on every page in the top or bottom margin: up to three pieces, at the left, centre and
/// right. Each piece is computed per page once layout has finished, so "Page 3 of 12" is possible.
/// </summary>
public sealed class PageBand
{
    private TextStyle _style = TextStyle.Body with { Size = 8, Colour = Colour.Grey, SpaceAfter = 0 };

    /// <summary>Text at the left edge of the content area.</summary>
    public Func<PageContext, string>? Left { get; init; }

    /// <summary>Text centred on the content area.</summary>
    public Func<PageContext, string>? Centre { get; init; }

    /// <summary>Text at the right edge of the content area.</summary>
    public Func<PageContext, string>? Right { get; init; }

    /// <summary>Style of the band's text; its alignment is ignored. Defaults to 8 pt grey.</summary>
    public TextStyle Style
    {
        get => _style;
        init => _style = value ?? throw new ArgumentNullException(nameof(Style));
    }

    /// <summary>Draws a thin rule between the band and the content.</summary>
    public bool Rule { get; init; }
}

/// <summary>A finished PDF file.</summary>
public sealed class RenderedPdf
{
    internal RenderedPdf(byte[] content, int pageCount, IReadOnlyList<string> warnings)
    {
        Content = content;
        PageCount = pageCount;
        Warnings = warnings;
    }

    /// <summary>The bytes of the PDF file.</summary>
    public byte[] Content { get; }

    /// <summary>The number of pages.</summary>
    public int PageCount { get; }

    /// <summary>
    /// Things the reader of the document should know about, each reported once: for example a character
    /// the font cannot draw, shown as U+FFFD instead.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Writes the file to a stream.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Content);
    }
}
