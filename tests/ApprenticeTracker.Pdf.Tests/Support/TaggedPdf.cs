using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApprenticeTracker.Pdf.Tests.Support;

/// <summary>A structure element as poppler's <c>pdfinfo -struct-text</c> prints it: its type, attributes and own text.</summary>
public sealed class PopplerElement(string role)
{
    public string Role { get; } = role;

    public Dictionary<string, string> Attributes { get; } = [];

    public StringBuilder Text { get; } = new();

    public List<PopplerElement> Children { get; } = [];

    /// <summary>This element and every element under it, in reading order.</summary>
    public IEnumerable<PopplerElement> Descendants() => Children.SelectMany(c => c.Descendants()).Prepend(this);

    /// <summary>The element's text and its descendants', in reading order, without white space (poppler joins lines without a space).</summary>
    public string SquashedText => TaggedPdf.Squash(string.Concat(Descendants().Select(e => e.Text.ToString())));

    /// <summary>An outline of the element's type and its children's, for example <c>L(LI(Lbl LBody))</c>.</summary>
    public string Shape => Children.Count == 0 ? Role : $"{Role}({string.Join(' ', Children.Select(c => c.Shape))})";
}

/// <summary>A structure element as qpdf reads it from the file's objects.</summary>
/// <param name="Role">The structure type, without the slash: <c>H1</c>, <c>TD</c>…</param>
/// <param name="Alt">The alternative text, or null.</param>
/// <param name="Scope">For TH, <c>Column</c> or <c>Row</c>; else null.</param>
/// <param name="Content">Its marked content: page number from 1 and marked-content identifier.</param>
public sealed record QpdfElement(string Role, string? Alt, string? Scope, IReadOnlyList<(int Page, int Mcid)> Content, IReadOnlyList<QpdfElement> Children)
{
    public IEnumerable<QpdfElement> Descendants() => Children.SelectMany(c => c.Descendants()).Prepend(this);
}

/// <summary>What qpdf makes of a tagged PDF: the catalog, the pages' dictionaries and the structure tree.</summary>
public sealed record QpdfView(JsonElement Catalog, IReadOnlyList<JsonElement> Pages, QpdfElement Root, IReadOnlyDictionary<int, IReadOnlyList<string>> ParentTree);

/// <summary>A word where poppler finds it: page from 1, and its box's top and left in points from the page's top left.</summary>
public sealed record PageWord(int Page, double Top, double Left, string Word);

/// <summary>
/// Reads the tagging of a PDF with independent readers: poppler's <c>pdfinfo -struct-text</c> (the tree as a reader
/// of the structure sees it, with the text of each element), qpdf's JSON (the objects: roles, attributes, alternative
/// text, the parent tree, and the decoded page content), and poppler's word boxes (what a sighted reader sees where).
/// </summary>
public static class TaggedPdf
{
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The structure tree as <c>pdfinfo -struct-text</c> prints it; its root is the document element.</summary>
    public static PopplerElement StructureText(byte[] pdf)
    {
        using var file = new TemporaryFile(pdf);
        var result = ExternalTool.Run("pdfinfo", "-struct-text", file.Path);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Error, Is.Empty, "pdfinfo -struct-text complained");

        // Two spaces of indentation a level; attributes (/Name value) and text ("…") sit under their element.
        var stack = new Stack<(int Indent, PopplerElement Element)>();
        PopplerElement? root = null;
        StringBuilder? openText = null;
        foreach (var line in result.Output.Split('\n'))
        {
            if (openText is not null)
            {
                openText.Append('\n').Append(line.EndsWith('"') ? line[..^1] : line);
                openText = line.EndsWith('"') ? null : openText;
                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var indent = line.Length - trimmed.Length;
            while (stack.Count > 0 && stack.Peek().Indent >= indent)
            {
                stack.Pop();
            }

            if (trimmed.StartsWith('"'))
            {
                var text = stack.Peek().Element.Text;
                var closed = trimmed.Length > 1 && trimmed.EndsWith('"');
                text.Append(closed ? trimmed[1..^1] : trimmed[1..]);
                openText = closed ? null : text;
            }
            else if (trimmed.StartsWith('/'))
            {
                var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
                stack.Peek().Element.Attributes[trimmed[1..space]] = trimmed[(space + 1)..].TrimStart('/');
            }
            else
            {
                var element = new PopplerElement(Regex.Match(trimmed, @"^[^\s:]+").Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Element.Children.Add(element);
                }
                else
                {
                    Assert.That(root, Is.Null, "pdfinfo -struct-text printed one tree");
                    root = element;
                }

                stack.Push((indent, element));
            }
        }

        Assert.That(root, Is.Not.Null, "pdfinfo -struct-text found a structure tree");
        return root!;
    }

    /// <summary>The catalog, pages and structure tree as qpdf reads them.</summary>
    public static QpdfView Qpdf(byte[] pdf)
    {
        using var json = QpdfJson(pdf, decodeStreams: false);
        var objects = json.RootElement.GetProperty("qpdf")[1];
        JsonElement Get(JsonElement reference) => objects.GetProperty("obj:" + reference.GetString()).GetProperty("value").Clone();
        var trailer = objects.GetProperty("trailer").GetProperty("value");
        var catalog = Get(trailer.GetProperty("/Root"));
        var pageRefs = Get(catalog.GetProperty("/Pages")).GetProperty("/Kids").EnumerateArray().Select(p => p.GetString()!).ToList();
        var pages = pageRefs.Select(r => objects.GetProperty("obj:" + r).GetProperty("value").Clone()).ToList();
        int PageNumber(JsonElement reference) => pageRefs.IndexOf(reference.GetString()!) + 1;

        var treeRoot = Get(catalog.GetProperty("/StructTreeRoot"));
        QpdfElement Element(JsonElement reference)
        {
            var value = Get(reference);
            var page = value.TryGetProperty("/Pg", out var pg) ? PageNumber(pg) : 0;
            var content = new List<(int, int)>();
            var children = new List<QpdfElement>();
            if (value.TryGetProperty("/K", out var k))
            {
                foreach (var kid in k.ValueKind == JsonValueKind.Array ? [.. k.EnumerateArray()] : new[] { k })
                {
                    switch (kid.ValueKind)
                    {
                        case JsonValueKind.Number:
                            content.Add((page, kid.GetInt32()));
                            break;
                        case JsonValueKind.String:
                            children.Add(Element(kid));
                            break;
                        default:
                            content.Add((PageNumber(kid.GetProperty("/Pg")), kid.GetProperty("/MCID").GetInt32()));
                            break;
                    }
                }
            }

            var alt = value.TryGetProperty("/Alt", out var a) ? TextString(a) : null;
            var scope = value.TryGetProperty("/A", out var attributes) && attributes.TryGetProperty("/Scope", out var s) ? s.GetString()![1..] : null;
            return new QpdfElement(value.GetProperty("/S").GetString()![1..], alt, scope, content, children);
        }

        var parentTree = new Dictionary<int, IReadOnlyList<string>>();
        var nums = Get(treeRoot.GetProperty("/ParentTree")).GetProperty("/Nums").EnumerateArray().ToList();
        for (var i = 0; i < nums.Count; i += 2)
        {
            var entries = nums[i + 1].ValueKind == JsonValueKind.String ? Get(nums[i + 1]) : nums[i + 1];
            parentTree[nums[i].GetInt32()] = [.. entries.EnumerateArray().Select(e => Get(e).GetProperty("/S").GetString()![1..])];
        }

        return new QpdfView(catalog, pages, Element(treeRoot.GetProperty("/K")), parentTree);
    }

    /// <summary>
    /// Each page's content stream, decoded by qpdf, with what lies outside every marked-content sequence: the painting
    /// operators (text, paths, images) found there, which PDF/UA forbids (content is either tagged or an artifact).
    /// </summary>
    public static IReadOnlyList<(string Content, IReadOnlyList<string> Unmarked)> PageContents(byte[] pdf)
    {
        using var json = QpdfJson(pdf, decodeStreams: true);
        var objects = json.RootElement.GetProperty("qpdf")[1];
        JsonElement Get(JsonElement reference) => objects.GetProperty("obj:" + reference.GetString());
        var catalog = Get(objects.GetProperty("trailer").GetProperty("value").GetProperty("/Root")).GetProperty("value");
        var pages = Get(catalog.GetProperty("/Pages")).GetProperty("value").GetProperty("/Kids").EnumerateArray();
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var page in pages)
        {
            var contents = Get(Get(page).GetProperty("value").GetProperty("/Contents"));
            var content = Encoding.Latin1.GetString(Convert.FromBase64String(contents.GetProperty("stream").GetProperty("data").GetString()!));
            var depth = 0;
            var unmarked = new List<string>();
            // Text strings are removed first, so that no glyph code can be mistaken for an operator.
            foreach (Match token in Regex.Matches(StringLiteralPattern.Replace(content, "()"), @"(?<=^|\s|\)|\]|>)(BDC|BMC|EMC|Tj|TJ|f|S|Do)(?=\s|$)"))
            {
                depth += token.Value switch { "BDC" or "BMC" => 1, "EMC" => -1, _ => 0 };
                if (depth == 0 && token.Value is not ("BDC" or "BMC" or "EMC"))
                {
                    unmarked.Add(token.Value);
                }

                Assert.That(depth, Is.InRange(0, 1), "marked-content sequences close in order and do not nest here");
            }

            Assert.That(depth, Is.Zero, "every marked-content sequence on the page is closed");
            result.Add((content, unmarked));
        }

        return result;
    }

    /// <summary>Every word poppler finds, in the order a sighted reader reads them: page by page, line by line from the top, left to right.</summary>
    public static IReadOnlyList<PageWord> VisualWords(byte[] pdf)
    {
        using var file = new TemporaryFile(pdf);
        var result = ExternalTool.Run("pdftotext", "-bbox", "-enc", "UTF-8", file.Path, "-");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var words = new List<PageWord>();
        var page = 0;
        foreach (Match m in Regex.Matches(result.Output, "<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"[\\d.]+\">([^<]*)</word>"))
        {
            if (m.Value == "<page ")
            {
                page++;
                continue;
            }

            words.Add(new PageWord(page, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)));
        }

        // Words whose tops are within 3 points of the line's first word share its line (a bold or smaller word sits a
        // little higher or lower); lines are then read left to right.
        var ordered = new List<PageWord>(words.Count);
        foreach (var pageWords in words.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var line = new List<PageWord>();
            foreach (var word in pageWords.OrderBy(w => w.Top))
            {
                if (line.Count > 0 && word.Top - line[0].Top > 3)
                {
                    ordered.AddRange(line.OrderBy(w => w.Left));
                    line.Clear();
                }

                line.Add(word);
            }

            ordered.AddRange(line.OrderBy(w => w.Left));
        }

        return ordered;
    }

    /// <summary>
    /// Asserts that the structure tree reads in the order the page shows: the text of each element with text, taken in
    /// tree order, starts at a word that comes later on the page (or on a later page) than where the element before it
    /// started. Words the tree does not hold (artifacts such as footers) are passed over.
    /// </summary>
    public static void AssertReadingOrderFollowsThePage(PopplerElement root, IReadOnlyList<PageWord> visual)
    {
        var position = 0;
        var checkedElements = 0;
        foreach (var element in root.Descendants().Where(e => e.Text.Length > 0))
        {
            var text = Squash(element.Text.ToString());
            var found = -1;
            for (var i = position; i < visual.Count && found < 0; i++)
            {
                if (visual[i].Word.Length > 0 && text.StartsWith(visual[i].Word, StringComparison.Ordinal) && StartsHere(text, i))
                {
                    found = i;
                }
            }

            Assert.That(found, Is.GreaterThanOrEqualTo(0),
                $"the {element.Role} \"{element.Text}\" follows, on the page, the element before it (read up to page {(position < visual.Count ? visual[position].Page : 0)})");
            position = found + 1;
            checkedElements++;
        }

        Assert.That(checkedElements, Is.GreaterThan(0), "the tree holds text");

        // The element's text begins with the words from here on that share its line (up to its length).
        bool StartsHere(string text, int index)
        {
            var matched = 0;
            for (var i = index; i < visual.Count && matched < text.Length && visual[i].Page == visual[index].Page && Math.Abs(visual[i].Top - visual[index].Top) <= 3; i++)
            {
                var word = visual[i].Word;
                if (string.CompareOrdinal(text, matched, word, 0, word.Length) != 0)
                {
                    return matched > 0;
                }

                matched += word.Length;
            }

            return true;
        }
    }

    private static JsonDocument QpdfJson(byte[] pdf, bool decodeStreams)
    {
        using var file = new TemporaryFile(pdf);
        string[] arguments = decodeStreams
            ? ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file.Path]
            : ["--json=2", "--json-key=qpdf", file.Path];
        var result = ExternalTool.Run("qpdf", arguments);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        return JsonDocument.Parse(result.Output);
    }

    /// <summary>A qpdf JSON string: <c>u:</c> and then the text.</summary>
    private static string TextString(JsonElement value) => value.GetString()! is var s && s.StartsWith("u:", StringComparison.Ordinal) ? s[2..] : s;

    private static readonly Regex StringLiteralPattern = new(@"\((?:\\.|[^\\)])*\)", RegexOptions.Singleline);

}
