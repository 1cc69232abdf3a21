using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Layout;

/// <summary>
/// A piece of document content that knows how to place itself on pages and what it is in the structure tree:
/// each block adds its own elements (its role) under the document's, and marks what it draws as their content
/// or as an artifact.
/// </summary>
internal abstract class Block
{
    public abstract void Layout(LayoutEngine engine);
}

/// <summary>A paragraph: <c>P</c>.</summary>
internal sealed class ParagraphBlock(string text, TextStyle style) : Block
{
    public override void Layout(LayoutEngine engine) => engine.Text(text, style, engine.Document.Add("P"));
}

/// <summary>A heading: <c>H1</c> to <c>H6</c> by its level, and a bookmark.</summary>
internal sealed class HeadingBlock(string text, int level, TextStyle style) : Block
{
    private static readonly double[] Sizes = [20, 15, 12.5, 11, 10, 10];

    /// <summary>Room a heading needs below it on its page: about three body lines, so it is never left alone at the bottom.</summary>
    private const double KeepWithNext = 40;

    public static TextStyle DefaultStyle(int level) =>
        TextStyle.Body with { Size = Sizes[level - 1], Weight = FontWeight.Bold, SpaceAfter = Sizes[level - 1] * 0.5, LineSpacing = 1.2 };

    public override void Layout(LayoutEngine engine)
    {
        if (!engine.AtTop)
        {
            engine.Advance(style.Size * 0.6);
        }

        var run = engine.Shape(text, style);
        var lines = LineBreaker.Break(run, style.Size, engine.Width);
        engine.EnsureSpace((lines.Count * style.LineHeight) + KeepWithNext);
        engine.Outline.Add(new OutlineEntry(text, level, engine.Pages.Count - 1, engine.Y));
        engine.Text(run, lines, style, engine.Document.Add(Type(level)));
    }

    private static string Type(int level) => level switch
    {
        1 => "H1",
        2 => "H2",
        3 => "H3",
        4 => "H4",
        5 => "H5",
        _ => "H6",
    };
}

/// <summary>A bulleted list: <c>L</c>, holding an <c>LI</c> per item with the bullet as its <c>Lbl</c> and the text as its <c>LBody</c>.</summary>
internal sealed class BulletListBlock(string[] items, TextStyle style) : Block
{
    private const string Bullet = "\u2022";

    public override void Layout(LayoutEngine engine)
    {
        var indent = style.Size * 1.5;
        var itemStyle = style with { SpaceAfter = style.SpaceAfter / 3 };
        var list = engine.Document.Add("L");
        for (var i = 0; i < items.Length; i++)
        {
            var item = list.Add("LI");
            var label = item.Add("Lbl");
            engine.Text(items[i], i == items.Length - 1 ? style : itemStyle, item.Add("LBody"), indent, (Bullet, label));
        }
    }
}

/// <summary>Vertical space: nothing in the structure tree.</summary>
internal sealed class SpacerBlock(double height) : Block
{
    public override void Layout(LayoutEngine engine) => engine.Advance(height);
}

/// <summary>A page break: nothing in the structure tree.</summary>
internal sealed class PageBreakBlock : Block
{
    public override void Layout(LayoutEngine engine)
    {
        if (!engine.AtTop)
        {
            engine.NewPage();
        }
    }
}

/// <summary>A horizontal rule: an artifact, like every rule, border and shading.</summary>
internal sealed class RuleBlock(double thickness, Colour colour) : Block
{
    private const double Gap = 6;

    public override void Layout(LayoutEngine engine)
    {
        engine.EnsureSpace(thickness + (2 * Gap));
        engine.Owner = Artifact.Layout;
        var y = engine.Y - Gap - (thickness / 2);
        engine.Page.Line(engine.Left, y, engine.Left + engine.Width, y, colour, thickness);
        engine.Advance(thickness + (2 * Gap));
    }
}

/// <summary>A drawing: a <c>Figure</c> whose alternative text says what it shows, or a decorative artifact when it has none.</summary>
internal sealed class CanvasBlock(Canvas canvas, string? alternativeText) : Block
{
    public override void Layout(LayoutEngine engine)
    {
        engine.EnsureSpace(canvas.Height);
        var left = engine.Left;
        var top = engine.Y;
        var page = engine.Page;
        engine.Owner = Figure(engine, alternativeText, (left, top - canvas.Height, left + canvas.Width, top));
        foreach (var operation in canvas.Operations)
        {
            switch (operation)
            {
                case CanvasOperation.Rectangle { LineWidth: 0 } r:
                    page.FillRectangle(left + r.X, top - r.Y - r.Height, r.Width, r.Height, r.Colour);
                    break;
                case CanvasOperation.Rectangle r:
                    page.StrokeRectangle(left + r.X, top - r.Y - r.Height, r.Width, r.Height, r.Colour, r.LineWidth);
                    break;
                case CanvasOperation.Segment s:
                    page.Line(left + s.X1, top - s.Y1, left + s.X2, top - s.Y2, s.Colour, s.LineWidth);
                    break;
                case CanvasOperation.Label l:
                    Label(engine, l, left, top);
                    break;
            }
        }

        engine.Y -= canvas.Height;
    }

    /// <summary>A <c>Figure</c> with its alternative text and bounding box, or a decorative artifact when there is no text.</summary>
    public static ContentOwner Figure(LayoutEngine engine, string? alternativeText, (double, double, double, double) box)
    {
        if (alternativeText is null)
        {
            return Artifact.Decoration;
        }

        var figure = engine.Document.Add("Figure", alt: alternativeText);
        figure.BoundingBox = box;
        return figure;
    }

    private static void Label(LayoutEngine engine, CanvasOperation.Label label, double left, double top)
    {
        var run = engine.Shape(label.Text, label.Style);
        var lineTop = top - label.Y;
        foreach (var line in LineBreaker.Break(run, label.Style.Size, double.MaxValue))
        {
            var x = label.Style.Alignment switch
            {
                TextAlignment.Centre => label.X - (line.Width / 2),
                TextAlignment.Right => label.X - line.Width,
                _ => label.X,
            };
            engine.Page.TextLine(run, line, left + x, line.Width, lineTop, label.Style with { Alignment = TextAlignment.Left });
            lineTop -= label.Style.LineHeight;
        }
    }
}

/// <summary>A picture: a <c>Figure</c> whose alternative text says what it shows, or a decorative artifact when it has none.</summary>
internal sealed class ImageBlock(ImageData image, double? width, TextAlignment alignment, string? alternativeText) : Block
{
    private const double PointsPerPixel = 72.0 / 96.0;

    public override void Layout(LayoutEngine engine)
    {
        var w = width ?? image.Width * PointsPerPixel;
        var h = w * image.Height / image.Width;
        var contentHeight = engine.Top - engine.Bottom;
        var scale = Math.Min(1, Math.Min(engine.Width / w, contentHeight / h));
        w *= scale;
        h *= scale;
        engine.EnsureSpace(h);
        var x = alignment switch
        {
            TextAlignment.Centre => engine.Left + ((engine.Width - w) / 2),
            TextAlignment.Right => engine.Left + engine.Width - w,
            _ => engine.Left,
        };
        engine.Owner = CanvasBlock.Figure(engine, alternativeText, (x, engine.Y - h, x + w, engine.Y));
        engine.Page.Image(engine.ImageName(image), x, engine.Y - h, w, h);
        engine.Y -= h;
        engine.Advance(6);
    }
}
