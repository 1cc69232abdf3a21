using System.Text.Json;

namespace ApprenticeTracker.Pdf.Tests.Support;

/// <summary>What the independent readers made of a PDF.</summary>
/// <param name="Pages">The text of each page, as pdftotext extracts it.</param>
public sealed record ReaderReport(IReadOnlyList<string> Pages)
{
    public string Text => string.Join("\n", Pages);
}

/// <summary>
/// Runs every independent reader over a PDF and asserts that each accepts it: qpdf finds no error or
/// warning, pdffonts lists every font as embedded, subset and with a Unicode map, pdfinfo counts the
/// expected pages, and pdftoppm and pdftotext process every page without complaint.
/// </summary>
public static class IndependentReaders
{
    public static ReaderReport Check(RenderedPdf pdf, int? expectedPages = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        Assert.That(pdf.PageCount, Is.EqualTo(expectedPages ?? pdf.PageCount), "RenderedPdf.PageCount");
        return Check(pdf.Content, pdf.PageCount);
    }

    public static ReaderReport Check(byte[] pdf, int expectedPages)
    {
        using var file = new TemporaryFile(pdf);

        var qpdf = ExternalTool.Run("qpdf", "--check", file.Path);
        Assert.That(qpdf.ExitCode, Is.Zero, $"qpdf --check failed:\n{qpdf.Output}\n{qpdf.Error}");
        Assert.That(qpdf.Output + qpdf.Error, Does.Not.Contain("WARNING").IgnoreCase, "qpdf --check reported a warning");

        var fonts = ExternalTool.Run("pdffonts", file.Path);
        Assert.That(fonts.ExitCode, Is.Zero, fonts.Error);
        Assert.That(fonts.Error, Is.Empty, "pdffonts complained");
        foreach (var line in fonts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(columns[^5..^2], Is.EqualTo(new[] { "yes", "yes", "yes" }), $"pdffonts: every font embedded, subset and with ToUnicode: {line}");
            Assert.That(columns[0], Does.Match("^[A-Z]{6}\\+"), "subset fonts are named with a six-letter tag");
        }

        var info = ExternalTool.Run("pdfinfo", file.Path);
        Assert.That(info.ExitCode, Is.Zero, info.Error);
        Assert.That(info.Error, Is.Empty, "pdfinfo complained");
        Assert.That(info.Output, Does.Match($"Pages: +{expectedPages}\n"), "pdfinfo page count");

        var images = Path.Combine(file.Directory, "page");
        var render = ExternalTool.Run("pdftoppm", TimeSpan.FromSeconds(120), "-r", "8", "-png", file.Path, images);
        Assert.That(render.ExitCode, Is.Zero, render.Error);
        Assert.That(render.Error, Is.Empty, "pdftoppm complained while rendering");
        Assert.That(Directory.GetFiles(file.Directory, "page*.png"), Has.Length.EqualTo(expectedPages), "pdftoppm rendered every page");

        var text = ExternalTool.Run("pdftotext", "-enc", "UTF-8", file.Path, "-");
        Assert.That(text.ExitCode, Is.Zero, text.Error);
        Assert.That(text.Error, Is.Empty, "pdftotext complained");
        var pages = text.Output.Split('\f');
        return new ReaderReport(pages[..expectedPages]);
    }

    /// <summary>The bookmarks as qpdf reads them: title, page number and children.</summary>
    public static IReadOnlyList<Bookmark> Bookmarks(byte[] pdf)
    {
        using var file = new TemporaryFile(pdf);
        var result = ExternalTool.Run("qpdf", "--json=2", "--json-key=outlines", file.Path);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return [.. json.RootElement.GetProperty("outlines").EnumerateArray().Select(Bookmark.From)];
    }

    /// <summary>Where pdftotext finds each word: its text and box, in points from the page's top left.</summary>
    public static IReadOnlyList<WordBox> Words(byte[] pdf)
    {
        using var file = new TemporaryFile(pdf);
        var result = ExternalTool.Run("pdftotext", "-bbox", "-enc", "UTF-8", file.Path, "-");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        static double Number(System.Text.RegularExpressions.Group group) => double.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);
        return [.. System.Text.RegularExpressions.Regex.Matches(result.Output, "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"[\\d.]+\">([^<]*)</word>")
            .Select(m => new WordBox(System.Net.WebUtility.HtmlDecode(m.Groups[4].Value), Number(m.Groups[1]), Number(m.Groups[2]), Number(m.Groups[3])))];
    }

    /// <summary>Every drawing of an image as poppler's pdfimages lists it: the page and the image's object number.</summary>
    public static IReadOnlyList<(int Page, int Object)> ImageUses(byte[] pdf)
    {
        using var file = new TemporaryFile(pdf);
        var result = ExternalTool.Run("pdfimages", "-list", file.Path);
        Assert.That(result.ExitCode, Is.Zero, result.Error);

        // Two heading lines, then: page num type width height color comp bpc enc interp object ID ...
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length > 10 && columns[2] == "image")
            .Select(columns => (int.Parse(columns[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(columns[10], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>Renders one page at 72 dpi (one pixel per point) and returns its pixels.</summary>
    public static Pixmap Render(byte[] pdf, int page)
    {
        using var file = new TemporaryFile(pdf);
        var prefix = Path.Combine(file.Directory, "render");
        var result = ExternalTool.Run("pdftoppm", "-r", "72", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", file.Path, prefix);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Error, Is.Empty, "pdftoppm complained");
        return Pixmap.ReadPpm(File.ReadAllBytes(prefix + ".ppm"));
    }
}

public sealed record WordBox(string Word, double Left, double Top, double Right);

public sealed record Bookmark(string Title, int Page, IReadOnlyList<Bookmark> Children)
{
    public static Bookmark From(JsonElement element) => new(
        element.GetProperty("title").GetString()!,
        element.GetProperty("destpageposfrom1").GetInt32(),
        [.. element.GetProperty("kids").EnumerateArray().Select(From)]);
}

/// <summary>An RGB raster read from a binary PPM (P6) file, as pdftoppm writes by default.</summary>
public sealed class Pixmap(int width, int height, byte[] rgb)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 3;
            return (rgb[i], rgb[i + 1], rgb[i + 2]);
        }
    }

    public static Pixmap ReadPpm(byte[] data)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(data, start, position - start);
        }

        Assert.That(Token(), Is.EqualTo("P6"));
        var width = int.Parse(Token());
        var height = int.Parse(Token());
        Assert.That(Token(), Is.EqualTo("255"));
        position++;
        return new Pixmap(width, height, data[position..(position + (width * height * 3))]);
    }
}

/// <summary>A PDF written to its own temporary directory, deleted with the directory on disposal.</summary>
public sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(byte[] content)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pdf-tests-").FullName;
        Path = System.IO.Path.Combine(Directory, "document.pdf");
        File.WriteAllBytes(Path, content);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
