namespace ApprenticeTracker.Pdf;

/// <summary>A sheet size in points (1/72 inch), given portrait (width not greater than height).</summary>
public sealed record PageSize
{
    /// <summary>Creates a page size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is not between 72 and 14,400 points (1 to 200 inches, PDF's limit).</exception>
    public PageSize(double width, double height)
    {
        Width = Guard.Finite(width, nameof(width), 72, Guard.MaxCoordinate);
        Height = Guard.Finite(height, nameof(height), 72, Guard.MaxCoordinate);
    }

    /// <summary>ISO A4, 210 × 297 mm.</summary>
    public static PageSize A4 { get; } = new(595.276, 841.89);

    /// <summary>US Letter, 8.5 × 11 inches.</summary>
    public static PageSize Letter { get; } = new(612, 792);

    /// <summary>Width in points.</summary>
    public double Width { get; }

    /// <summary>Height in points.</summary>
    public double Height { get; }
}

/// <summary>Whether the long side of the sheet is vertical or horizontal.</summary>
public enum PageOrientation
{
    /// <summary>Long side vertical.</summary>
    Portrait,

    /// <summary>Long side horizontal.</summary>
    Landscape,
}

/// <summary>Blank space between the sheet's edges and the content, in points. Headers and footers sit in the top and bottom margins.</summary>
public sealed record Margins
{
    /// <summary>Creates margins.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A margin is negative, not finite or larger than 5,000 points.</exception>
    public Margins(double top, double right, double bottom, double left)
    {
        Top = Guard.NonNegative(top, nameof(top), 5000);
        Right = Guard.NonNegative(right, nameof(right), 5000);
        Bottom = Guard.NonNegative(bottom, nameof(bottom), 5000);
        Left = Guard.NonNegative(left, nameof(left), 5000);
    }

    /// <summary>The same margin on all four sides.</summary>
    public static Margins All(double points) => new(points, points, points, points);

    /// <summary>Top margin.</summary>
    public double Top { get; }

    /// <summary>Right margin.</summary>
    public double Right { get; }

    /// <summary>Bottom margin.</summary>
    public double Bottom { get; }

    /// <summary>Left margin.</summary>
    public double Left { get; }
}

/// <summary>The sheet every page of a document is printed on.</summary>
public sealed record PageSetup
{
    /// <summary>Creates a page setup.</summary>
    /// <exception cref="ArgumentException">The margins leave less than 72 points (an inch) of content width or height.</exception>
    public PageSetup(PageSize size, PageOrientation orientation, Margins margins)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(margins);
        if (!Enum.IsDefined(orientation))
        {
            throw new ArgumentOutOfRangeException(nameof(orientation), orientation, "Unknown page orientation.");
        }

        Size = size;
        Orientation = orientation;
        Margins = margins;
        var landscape = orientation == PageOrientation.Landscape;
        Width = landscape ? Math.Max(size.Width, size.Height) : Math.Min(size.Width, size.Height);
        Height = landscape ? Math.Min(size.Width, size.Height) : Math.Max(size.Width, size.Height);
        if (Width - margins.Left - margins.Right < 72 || Height - margins.Top - margins.Bottom < 72)
        {
            throw new ArgumentException("The margins leave less than 72 points (an inch) for content.", nameof(margins));
        }
    }

    /// <summary>A4 portrait with 2 cm margins (56.7 points).</summary>
    public static PageSetup A4Portrait { get; } = new(PageSize.A4, PageOrientation.Portrait, Margins.All(56.7));

    /// <summary>A4 landscape with 2 cm margins.</summary>
    public static PageSetup A4Landscape { get; } = new(PageSize.A4, PageOrientation.Landscape, Margins.All(56.7));

    /// <summary>The sheet size.</summary>
    public PageSize Size { get; }

    /// <summary>Portrait or landscape.</summary>
    public PageOrientation Orientation { get; }

    /// <summary>The margins.</summary>
    public Margins Margins { get; }

    /// <summary>Width of the page as oriented, in points.</summary>
    public double Width { get; }

    /// <summary>Height of the page as oriented, in points.</summary>
    public double Height { get; }

    /// <summary>Width available to content between the left and right margins.</summary>
    public double ContentWidth => Width - Margins.Left - Margins.Right;

    /// <summary>Height available to content between the top and bottom margins.</summary>
    public double ContentHeight => Height - Margins.Top - Margins.Bottom;
}
