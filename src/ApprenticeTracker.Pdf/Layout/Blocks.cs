using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Layout;

/// <summary>A piece of document content that knows how to place itself on pages.</summary>
internal abstract class Block
{
    public abstract void Layout(LayoutEngine engine);
}

internal sealed class ParagraphBlock(string text, TextStyle style) : Block
{
    public override void Layout(LayoutEngine engine) => engine.Text(text, style);
}

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

        var lines = LineBreaker.Break(engine.Shape(text, style), style.Size, engine.Width).Count;
        engine.EnsureSpace((lines * style.LineHeight) + KeepWithNext);
        engine.Outline.Add(new OutlineEntry(text, level, engine.Pages.Count - 1, engine.Y));
        engine.Text(text, style);
    }
}

internal sealed class BulletListBlock(string[] items, TextStyle style) : Block
{
    public override void Layout(LayoutEngine engine)
    {
        var indent = style.Size * 1.5;
        var itemStyle = style with { SpaceAfter = style.SpaceAfter / 3 };
        for (var i = 0; i < items.Length; i++)
        {
            engine.Text(items[i], i == items.Length - 1 ? style : itemStyle, indent, "\u2022");
        }
    }
}

internal sealed class SpacerBlock(double height) : Block
{
    public override void Layout(LayoutEngine engine) => engine.Advance(height);
}

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

internal sealed class RuleBlock(double thickness, Colour colour) : Block
{
    private const double Gap = 6;

    public override void Layout(LayoutEngine engine)
    {
        engine.EnsureSpace(thickness + (2 * Gap));
        var y = engine.Y - Gap - (thickness / 2);
        engine.Page.Line(engine.Left, y, engine.Left + engine.Width, y, colour, thickness);
        engine.Advance(thickness + (2 * Gap));
    }
}

internal sealed class CanvasBlock(Canvas canvas) : Block
{
    public override void Layout(LayoutEngine engine)
    {
        engine.EnsureSpace(canvas.Height);
        var left = engine.Left;
        var top = engine.Y;
        var page = engine.Page;
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

internal sealed class ImageBlock(ImageData image, double? width, TextAlignment alignment) : Block
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
        engine.Page.Image(engine.ImageName(image), x, engine.Y - h, w, h);
        engine.Y -= h;
        engine.Advance(6);
    }
}
