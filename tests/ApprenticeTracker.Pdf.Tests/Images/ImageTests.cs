using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests.Images;

/// <summary>
/// Each image is a 2 × 2 grid of known colours, drawn 200 points wide on a white page and rendered by
/// poppler at one pixel per point; the test samples the middle of each quadrant.
/// </summary>
public class ImageTests
{
    private const double Side = 200;
    private static readonly PageSetup Page = new(PageSize.A4, PageOrientation.Portrait, Margins.All(50));

    private static (byte R, byte G, byte B)[] RenderQuadrants(byte[] image)
    {
        var pdf = new PdfDocument(Page).Image(image, Side).Render();
        IndependentReaders.Check(pdf, 1);
        var pixels = IndependentReaders.Render(pdf.Content, 1);
        var quarter = (int)(Side / 4);
        return
        [
            pixels[50 + quarter, 50 + quarter], pixels[50 + (3 * quarter), 50 + quarter],
            pixels[50 + quarter, 50 + (3 * quarter)], pixels[50 + (3 * quarter), 50 + (3 * quarter)],
        ];
    }

    private static void AssertColours((byte R, byte G, byte B)[] actual, params (int R, int G, int B)[] expected)
    {
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.That(actual[i].R, Is.EqualTo(expected[i].R).Within(3), $"quadrant {i} red");
                Assert.That(actual[i].G, Is.EqualTo(expected[i].G).Within(3), $"quadrant {i} green");
                Assert.That(actual[i].B, Is.EqualTo(expected[i].B).Within(3), $"quadrant {i} blue");
            }
        });
    }

    [Test]
    public void An_8_bit_rgb_png_is_drawn_with_its_colours()
    {
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 0]]);

        AssertColours(RenderQuadrants(png), (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0));
    }

    [Test]
    public void A_16_bit_rgb_png_is_reduced_to_8_bits()
    {
        var png = PngWriter.Write(2, 2, 16, [[65535, 0, 0, 0, 32896, 0], [0, 0, 65535, 65535, 65535, 65535]]);

        AssertColours(RenderQuadrants(png), (255, 0, 0), (0, 128, 0), (0, 0, 255), (255, 255, 255));
    }

    [Test]
    public void An_rgba_png_keeps_its_transparency_as_a_soft_mask()
    {
        var png = PngWriter.Write(2, 6, 8, [[255, 0, 0, 255, 0, 0, 255, 0], [0, 0, 255, 128, 0, 0, 0, 255]]);

        var pdf = new PdfDocument(Page).Image(png, Side).Render();
        IndependentReaders.Check(pdf, 1);

        Assert.That(System.Text.Encoding.Latin1.GetString(pdf.Content), Does.Contain("/SMask"));
        AssertColours(RenderQuadrants(png), (255, 0, 0), (255, 255, 255), (127, 127, 255), (0, 0, 0));
    }

    [Test]
    public void An_opaque_rgba_png_needs_no_soft_mask()
    {
        var png = PngWriter.Write(2, 6, 8, [[255, 0, 0, 255, 0, 255, 0, 255], [0, 0, 255, 255, 0, 0, 0, 255]]);

        var pdf = new PdfDocument(Page).Image(png, Side).Render();
        IndependentReaders.Check(pdf, 1);

        Assert.That(System.Text.Encoding.Latin1.GetString(pdf.Content), Does.Not.Contain("/SMask"));
    }

    [TestCase(1, new[] { 0, 1 }, new[] { 1, 0 }, 255, 0)]
    [TestCase(2, new[] { 0, 3 }, new[] { 1, 2 }, 85, 170)]
    [TestCase(4, new[] { 0, 15 }, new[] { 5, 10 }, 85, 170)]
    [TestCase(8, new[] { 0, 255 }, new[] { 85, 170 }, 85, 170)]
    [TestCase(16, new[] { 0, 65535 }, new[] { 21845, 43690 }, 85, 170)]
    public void A_greyscale_png_of_any_bit_depth_is_scaled_to_8_bits(int depth, int[] top, int[] bottom, int bottomLeft, int bottomRight)
    {
        var png = PngWriter.Write(2, 0, depth, [top, bottom]);

        AssertColours(RenderQuadrants(png), (0, 0, 0), (255, 255, 255), (bottomLeft, bottomLeft, bottomLeft), (bottomRight, bottomRight, bottomRight));
    }

    [Test]
    public void A_grey_and_alpha_png_blends_with_the_page()
    {
        var png = PngWriter.Write(2, 4, 8, [[0, 255, 0, 0], [255, 255, 0, 128]]);

        AssertColours(RenderQuadrants(png), (0, 0, 0), (255, 255, 255), (255, 255, 255), (127, 127, 127));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void A_palette_png_looks_its_colours_up(int depth)
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0];
        var indices = depth == 1 ? new[] { new[] { 0, 1 }, new[] { 1, 0 } } : [[0, 1], [2, 3]];

        var quadrants = RenderQuadrants(PngWriter.Write(2, 3, depth, indices, palette));

        if (depth == 1)
        {
            AssertColours(quadrants, (255, 0, 0), (0, 255, 0), (0, 255, 0), (255, 0, 0));
        }
        else
        {
            AssertColours(quadrants, (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0));
        }
    }

    [Test]
    public void A_palette_png_with_transparent_entries_gets_a_soft_mask()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0];
        var png = PngWriter.Write(2, 3, 8, [[0, 1], [1, 0]], palette, transparency: [255, 0]);

        AssertColours(RenderQuadrants(png), (255, 0, 0), (255, 255, 255), (255, 255, 255), (255, 0, 0));
    }

    [Test]
    public void An_rgb_png_with_a_transparent_colour_key_gets_a_soft_mask()
    {
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 255, 0, 255, 0, 0]], transparency: [0, 0, 0, 255, 0, 0]);

        AssertColours(RenderQuadrants(png), (255, 0, 0), (255, 255, 255), (255, 255, 255), (255, 0, 0));
    }

    [Test]
    public void A_jpeg_is_embedded_unchanged_with_the_dct_filter()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "red-blue.jpg"));

        var pdf = new PdfDocument(Page).Image(jpeg, Side).Render();
        IndependentReaders.Check(pdf, 1);
        var pixels = IndependentReaders.Render(pdf.Content, 1);

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Content.AsSpan().IndexOf(jpeg), Is.GreaterThan(0), "the JPEG's bytes appear in the file as they are");
            Assert.That(System.Text.Encoding.Latin1.GetString(pdf.Content), Does.Contain("/DCTDecode"));
            Assert.That(pixels[100, 150].R, Is.GreaterThan(180), "left half is red");
            Assert.That(pixels[200, 150].B, Is.GreaterThan(180), "right half is blue");
        });
    }

    [Test]
    public void The_same_image_added_twice_is_drawn_twice_and_stored_once()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "red-blue.jpg"));
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 0]]);

        var once = new PdfDocument(Page).Image(jpeg, 100).Image(png, 100).Render();
        var twice = new PdfDocument(Page).Image(jpeg, 100).Image((byte[])jpeg.Clone(), 100).Image(png, 100).Image(png, 100).Render();
        IndependentReaders.Check(twice, 1);
        var uses = IndependentReaders.ImageUses(twice.Content);

        Assert.Multiple(() =>
        {
            Assert.That(uses, Has.Count.EqualTo(4), "each image is drawn twice");
            Assert.That(uses.Select(u => u.Object).Distinct().Count(), Is.EqualTo(2), "one image object for the JPEG, one for the PNG");
            Assert.That(twice.Content.Length - once.Content.Length, Is.LessThan(jpeg.Length / 2), "the second copies add little to the file");
        });
    }

    [Test]
    public void An_interlaced_png_is_drawn_with_its_colours()
    {
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 0]], interlaced: true);

        AssertColours(RenderQuadrants(png), (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0));
    }

    [Test]
    public void An_interlaced_png_renders_like_its_non_interlaced_twin()
    {
        var (samples, palette, transparency) = TestImage(new PngFormat(6, 8), 9, 9);
        var plain = new PdfDocument(Page).Image(PngWriter.Write(9, 6, 8, samples, palette, transparency), Side).Render();
        var interlaced = new PdfDocument(Page).Image(PngWriter.Write(9, 6, 8, samples, palette, transparency, interlaced: true), Side).Render();
        IndependentReaders.Check(interlaced, 1);

        var expected = IndependentReaders.Render(plain.Content, 1);
        var actual = IndependentReaders.Render(interlaced.Content, 1);

        var differing = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                differing += actual[x, y] == expected[x, y] ? 0 : 1;
            }
        }

        Assert.That(differing, Is.Zero, "pixels that differ between the two pages");
    }

    /// <summary>Every colour type and bit depth the decoder reads, and each kind of tRNS chunk.</summary>
    private static readonly PngFormat[] Formats =
    [
        new(0, 1), new(0, 2), new(0, 4), new(0, 8), new(0, 16),
        new(2, 8), new(2, 16),
        new(3, 1), new(3, 2), new(3, 4), new(3, 8),
        new(4, 8), new(4, 16),
        new(6, 8), new(6, 16),
        new(0, 4, Transparency: true), new(0, 16, Transparency: true), new(2, 8, Transparency: true), new(2, 16, Transparency: true),
        new(3, 2, Transparency: true), new(3, 8, Transparency: true),
    ];

    /// <summary>Sizes at which some Adam7 passes are empty (1 × 1 has only the first) or rows end partway through a byte.</summary>
    private static readonly (int Width, int Height)[] AwkwardSizes = [(1, 1), (2, 2), (3, 5), (9, 9), (17, 3)];

    [Test]
    public void An_interlaced_png_decodes_to_the_same_pixels_as_its_non_interlaced_twin(
        [ValueSource(nameof(Formats))] PngFormat format, [ValueSource(nameof(AwkwardSizes))] (int Width, int Height) size)
    {
        var (samples, palette, transparency) = TestImage(format, size.Width, size.Height);

        var plain = ImageData.Decode(PngWriter.Write(size.Width, format.ColourType, format.BitDepth, samples, palette, transparency), "data");
        var interlaced = ImageData.Decode(
            PngWriter.Write(size.Width, format.ColourType, format.BitDepth, samples, palette, transparency, interlaced: true), "data");

        Assert.Multiple(() =>
        {
            Assert.That((interlaced.Width, interlaced.Height, interlaced.Components), Is.EqualTo((plain.Width, plain.Height, plain.Components)));
            Assert.That(interlaced.Data, Is.EqualTo(plain.Data), "colour samples");
            Assert.That(interlaced.Alpha, Is.EqualTo(plain.Alpha), "opacity");
        });
    }

    [TestCase(1)]
    [TestCase(112)]
    public void Interlaced_png_data_that_ends_before_the_last_pass_does_is_refused(int missingBytes)
    {
        // The last pass of a 9 × 9 RGB image is 4 rows of a filter byte and 27 sample bytes: 112 bytes.
        var (samples, _, _) = TestImage(new PngFormat(2, 8), 9, 9);
        var png = PngWriter.Write(9, 2, 8, samples, interlaced: true, dropImageBytes: missingBytes);

        Assert.That(() => new PdfDocument().Image(png),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("data").And.Message.Contain("truncated"));
    }

    [Test]
    public void A_png_with_an_unknown_interlace_method_is_refused_with_a_clear_reason()
    {
        var png = PngWriter.WithInterlaceMethod(PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 0]]), 2);

        Assert.That(() => new PdfDocument().Image(png),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("data").And.Message.Contain("interlace method 2"));
    }

    [Test]
    public void A_truncated_png_is_refused()
    {
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 0]]);

        Assert.That(() => new PdfDocument().Image(png[..50]),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("data"));
    }

    [Test]
    public void Bytes_that_are_neither_jpeg_nor_png_are_refused()
    {
        Assert.That(() => new PdfDocument().Image("GIF89a"u8.ToArray()),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("data"));
    }

    [Test]
    public void An_image_wider_than_the_content_is_scaled_down_to_fit()
    {
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 255, 0, 0], [255, 0, 0, 255, 0, 0]]);

        var pdf = new PdfDocument(Page).Image(png, 5000).Render();
        IndependentReaders.Check(pdf, 1);
        var pixels = IndependentReaders.Render(pdf.Content, 1);

        Assert.Multiple(() =>
        {
            Assert.That(pixels[(int)Page.Width - 52, 100].G, Is.LessThan(50), "red reaches the right margin");
            Assert.That(pixels[(int)Page.Width - 48, 100], Is.EqualTo(((byte)255, (byte)255, (byte)255)), "but not beyond it");
        });
    }

    /// <summary>
    /// Samples for a <paramref name="width"/> × <paramref name="height"/> image that vary from pixel to pixel,
    /// the same on every run; with transparency, the tRNS chunk keys out the first pixel's colour (or some
    /// palette entries), so the soft mask is exercised too.
    /// </summary>
    private static (int[][] Samples, byte[]? Palette, byte[]? Transparency) TestImage(PngFormat format, int width, int height)
    {
        var random = new Random((format.ColourType * 100) + format.BitDepth + (width * 1000) + (height * 100_000));
        var channels = format.ColourType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };
        var range = 1 << format.BitDepth;
        var samples = new int[height][];
        for (var y = 0; y < height; y++)
        {
            samples[y] = [.. Enumerable.Range(0, width * channels).Select(_ => random.Next(range))];
        }

        if (format.ColourType != 3)
        {
            var key = format.Transparency
                ? [.. samples[0][..channels].SelectMany(s => new[] { (byte)(s >> 8), (byte)s })]
                : (byte[]?)null;
            return (samples, null, key);
        }

        var palette = new byte[range * 3];
        random.NextBytes(palette);
        var alphas = format.Transparency ? new byte[(range / 2) + 1] : null;
        if (alphas is not null)
        {
            random.NextBytes(alphas);
        }

        return (samples, palette, alphas);
    }
}

/// <summary>A PNG colour type and bit depth, with or without a tRNS chunk.</summary>
public sealed record PngFormat(int ColourType, int BitDepth, bool Transparency = false)
{
    public override string ToString() => $"colour type {ColourType}, {BitDepth}-bit{(Transparency ? ", tRNS" : "")}";
}
