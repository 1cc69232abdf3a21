namespace ApprenticeTracker.Pdf.Layout;

/// <summary>
/// What a piece of page content belongs to in the tagged PDF (ISO 32000-1, 14.7 and 14.8): a structure element,
/// or page furniture that assistive technology skips (an <see cref="Artifact"/>).
/// </summary>
internal abstract class ContentOwner;

/// <summary>
/// A node of the structure tree: a standard structure type (PDF 1.7, 14.8.4) such as <c>P</c>, <c>H2</c> or
/// <c>TD</c>, its children in reading order (elements and marked content on pages), and the attributes
/// PDF/UA asks of its type: alternative text for figures, a scope for table headers.
/// </summary>
internal sealed class StructureElement(string type, StructureElement? parent) : ContentOwner
{
    public string Type { get; } = type;

    public StructureElement? Parent { get; } = parent;

    /// <summary>Children in reading order: <see cref="StructureElement"/> or <see cref="MarkedContent"/>.</summary>
    public List<object> Kids { get; } = [];

    /// <summary>Alternative text (/Alt): what a figure shows, in words.</summary>
    public string? Alt { get; init; }

    /// <summary>For TH: <c>Column</c> or <c>Row</c>, the cells it heads.</summary>
    public string? Scope { get; init; }

    /// <summary>For figures: the box it occupies on its page, in PDF coordinates (left, bottom, right, top).</summary>
    public (double Left, double Bottom, double Right, double Top)? BoundingBox { get; set; }

    /// <summary>Object number, assigned when the file is written.</summary>
    public int Id { get; set; }

    public StructureElement Add(string childType, string? alt = null, string? scope = null)
    {
        var child = new StructureElement(childType, this) { Alt = alt, Scope = scope };
        Kids.Add(child);
        return child;
    }
}

/// <summary>One marked-content sequence: the page it is on and its marked-content identifier there.</summary>
internal readonly record struct MarkedContent(int PageIndex, int Mcid);

/// <summary>Page furniture: drawn, but not part of the document's logical content (PDF 1.7, 14.8.2.2).</summary>
internal sealed class Artifact : ContentOwner
{
    private Artifact(string operatorText) => Operator = operatorText;

    /// <summary>Rules, borders and shading (of the type Layout, the default, so no type is written: one per table row).</summary>
    public static Artifact Layout { get; } = new("/Artifact BMC\n");

    /// <summary>Running headers and table headers repeated on later pages.</summary>
    public static Artifact Header { get; } = new("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n");

    /// <summary>Running footers, with page numbers.</summary>
    public static Artifact Footer { get; } = new("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");

    /// <summary>Pictures and drawings given no alternative text, so taken as decoration.</summary>
    public static Artifact Decoration => Layout;

    /// <summary>The operator that opens the sequence.</summary>
    public string Operator { get; }
}
