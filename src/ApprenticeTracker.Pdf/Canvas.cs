namespace ApprenticeTracker.Pdf;

/// <summary>
/// A fixed-height drawing area as wide as the content, for bar charts, progress bars and similar
/// graphics. Coordinates are in points from the area's top-left corner, with y growing downwards.
/// Drawing outside the area is allowed; nothing is clipped.
/// </summary>
public sealed class Canvas
{
    internal Canvas(double width, double height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Width of the area in points (the content width).</summary>
    public double Width { get; }

    /// <summary>Height of the area in points.</summary>
    public double Height { get; }

    internal List<CanvasOperation> Operations { get; } = [];

    /// <summary>Fills a rectangle.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is not finite, or a size is negative.</exception>
    public Canvas FillRectangle(double x, double y, double width, double height, Colour colour)
    {
        Operations.Add(new CanvasOperation.Rectangle(
            Coordinate(x, nameof(x)), Coordinate(y, nameof(y)), Size(width, nameof(width)), Size(height, nameof(height)), colour, 0));
        return this;
    }

    /// <summary>Strokes the outline of a rectangle.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is not finite, a size is negative, or the line width is not between 0 and 100.</exception>
    public Canvas StrokeRectangle(double x, double y, double width, double height, Colour colour, double lineWidth = 1)
    {
        Operations.Add(new CanvasOperation.Rectangle(
            Coordinate(x, nameof(x)), Coordinate(y, nameof(y)), Size(width, nameof(width)), Size(height, nameof(height)), colour,
            Guard.Positive(lineWidth, nameof(lineWidth), 100)));
        return this;
    }

    /// <summary>Draws a straight line.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is not finite, or the line width is not between 0 and 100.</exception>
    public Canvas Line(double x1, double y1, double x2, double y2, Colour colour, double lineWidth = 1)
    {
        Operations.Add(new CanvasOperation.Segment(
            Coordinate(x1, nameof(x1)), Coordinate(y1, nameof(y1)), Coordinate(x2, nameof(x2)), Coordinate(y2, nameof(y2)), colour,
            Guard.Positive(lineWidth, nameof(lineWidth), 100)));
        return this;
    }

    /// <summary>
    /// Writes text on one line (forced line breaks start new lines). (<paramref name="x"/>, <paramref name="y"/>)
    /// is the top of the first line and, by the style's alignment, its left end, centre or right end.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Canvas Text(string text, double x, double y, TextStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Operations.Add(new CanvasOperation.Label(text, Coordinate(x, nameof(x)), Coordinate(y, nameof(y)), style ?? TextStyle.Body));
        return this;
    }

    private static double Coordinate(double value, string name) => Guard.Finite(value, name, -Guard.MaxCoordinate, Guard.MaxCoordinate);

    private static double Size(double value, string name) => Guard.NonNegative(value, name, Guard.MaxCoordinate);
}

/// <summary>A recorded drawing operation of a <see cref="Canvas"/>.</summary>
internal abstract record CanvasOperation
{
    /// <summary>A rectangle, filled when <paramref name="LineWidth"/> is 0, else stroked.</summary>
    public sealed record Rectangle(double X, double Y, double Width, double Height, Colour Colour, double LineWidth) : CanvasOperation;

    public sealed record Segment(double X1, double Y1, double X2, double Y2, Colour Colour, double LineWidth) : CanvasOperation;

    public sealed record Label(string Text, double X, double Y, TextStyle Style) : CanvasOperation;
}
