using System.Globalization;

namespace ApprenticeTracker.Pdf;

/// <summary>An opaque RGB colour.</summary>
/// <param name="Red">Red, 0 to 255.</param>
/// <param name="Green">Green, 0 to 255.</param>
/// <param name="Blue">Blue, 0 to 255.</param>
public readonly record struct Colour(byte Red, byte Green, byte Blue)
{
    /// <summary>Black, the default colour of text and lines.</summary>
    public static Colour Black { get; } = new(0, 0, 0);

    /// <summary>White.</summary>
    public static Colour White { get; } = new(255, 255, 255);

    /// <summary>A mid grey, the default colour of table borders and rules.</summary>
    public static Colour Grey { get; } = new(128, 128, 128);

    /// <summary>A light grey, the default shading of table header rows.</summary>
    public static Colour LightGrey { get; } = new(230, 230, 230);

    /// <summary>Parses <c>#RRGGBB</c> or <c>RRGGBB</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hex"/> is not six hexadecimal digits.</exception>
    public static Colour FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith('#') ? hex[1..] : hex;
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"'{hex}' is not a colour of the form #RRGGBB.", nameof(hex));
        }

        return new Colour((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }
}

/// <summary>How the lines of a block of text sit between its left and right edges.</summary>
public enum TextAlignment
{
    /// <summary>Lines start at the left edge (ragged right).</summary>
    Left,

    /// <summary>Lines are centred.</summary>
    Centre,

    /// <summary>Lines end at the right edge.</summary>
    Right,

    /// <summary>Lines fill the width by widening spaces, except the last line of a paragraph.</summary>
    Justified,
}

/// <summary>The weight of the bundled DejaVu Sans face to use.</summary>
public enum FontWeight
{
    /// <summary>DejaVu Sans.</summary>
    Regular,

    /// <summary>DejaVu Sans Bold.</summary>
    Bold,
}

/// <summary>
/// How text looks and is spaced. Immutable: derive variants with <c>with</c>, for example
/// <c>TextStyle.Body with { Weight = FontWeight.Bold }</c>. Sizes and distances are in points (1/72 inch).
/// </summary>
public sealed record TextStyle
{
    private readonly double _size = 10;
    private readonly double _lineSpacing = 1.25;
    private readonly double _spaceAfter = 6;

    /// <summary>The default style of paragraphs: 10 pt regular black, left aligned.</summary>
    public static TextStyle Body { get; } = new();

    /// <summary>Font size in points, greater than 0 and at most 500.</summary>
    public double Size
    {
        get => _size;
        init => _size = Guard.Positive(value, nameof(Size), 500);
    }

    /// <summary>Regular or bold.</summary>
    public FontWeight Weight { get; init; } = FontWeight.Regular;

    /// <summary>Colour of the glyphs.</summary>
    public Colour Colour { get; init; } = Colour.Black;

    /// <summary>Alignment of lines within the block.</summary>
    public TextAlignment Alignment { get; init; } = TextAlignment.Left;

    /// <summary>Distance between baselines as a multiple of <see cref="Size"/>, from 0.8 to 5.</summary>
    public double LineSpacing
    {
        get => _lineSpacing;
        init => _lineSpacing = Guard.Finite(value, nameof(LineSpacing), 0.8, 5);
    }

    /// <summary>Space below the block in points, from 0 to 1000.</summary>
    public double SpaceAfter
    {
        get => _spaceAfter;
        init => _spaceAfter = Guard.NonNegative(value, nameof(SpaceAfter), 1000);
    }

    internal double LineHeight => _size * _lineSpacing;
}
