using System.Globalization;
using System.Text;
using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Fonts;

/// <summary>
/// One font as used by one document: which glyphs were drawn, under which CID, standing for which
/// text. CIDs are handed out in order of first use, so they equal the glyph ids of the subset that
/// <see cref="TrueTypeSubsetter"/> builds from <see cref="UsedGlyphs"/>, and content streams can be
/// written before the subset exists.
/// </summary>
internal sealed class FontUsage
{
    private const int ReplacementCharacter = 0xFFFD;
    private readonly ushort[] _cidByGlyph;
    private readonly List<ushort> _glyphs = [];
    private readonly List<int> _codePoints = [];
    private readonly ushort _replacementGlyph;
    private readonly Action<string> _warn;
    private readonly HashSet<int> _reported;

    public FontUsage(TrueTypeFont font, string resourceName, HashSet<int> reported, Action<string> warn)
    {
        Font = font;
        ResourceName = resourceName;
        _reported = reported;
        _warn = warn;
        _cidByGlyph = new ushort[font.GlyphCount];

        _replacementGlyph = font.GlyphFor(ReplacementCharacter) is var r and not 0 ? r : font.GlyphFor('?');
    }

    public TrueTypeFont Font { get; }

    /// <summary>The resource name under which pages refer to this font, for example <c>F1</c>.</summary>
    public string ResourceName { get; }

    public bool IsUsed => _glyphs.Count > 0;

    /// <summary>Original glyph ids in CID order, starting at CID 1.</summary>
    public IReadOnlyList<ushort> UsedGlyphs => _glyphs;

    /// <summary>The Unicode scalar value each CID stands for, starting at CID 1.</summary>
    public IReadOnlyList<int> CodePoints => _codePoints;

    /// <summary>Advance width of an original glyph in thousandths of an em (PDF glyph space).</summary>
    public float Width(ushort glyph) => Font.Width(glyph);

    /// <summary>
    /// Maps text to glyphs of this font. Text is first brought to Unicode normalisation form C, so that a
    /// letter typed as base plus combining accent uses the font's precomposed glyph. Characters the font
    /// lacks, control characters and lone surrogates are drawn as U+FFFD and reported once per document.
    /// </summary>
    public GlyphRun Shape(string text)
    {
        text = Normalise(text);
        var run = new GlyphRun(this, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            var loneSurrogate = false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else
            {
                loneSurrogate = char.IsSurrogate(text[i]);
            }

            switch (codePoint)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    continue;
                case '\n' or '\r' or '\v' or '\f' or 0x85 or 0x2028 or 0x2029:
                    run.Add(0, 0, GlyphKind.LineBreak);
                    continue;
                case '\t':
                    codePoint = ' ';
                    break;
                case 0xAD:
                    // A soft hyphen marks where a word may be hyphenated; without hyphenation it is invisible.
                    continue;
            }

            var glyph = Font.GlyphFor(codePoint);
            var control = codePoint is < 0x20 or (>= 0x7F and < 0xA0);
            if (glyph == 0 && !loneSurrogate && !control && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format)
            {
                // Format characters (bidirectional marks, joiners, the byte order mark) have no appearance of
                // their own; a font that lacks them loses nothing visible.
                continue;
            }

            // Control characters are replaced even when the font maps them (DejaVu maps U+000D to an empty glyph).
            if (glyph == 0 || control || loneSurrogate)
            {
                Report(codePoint, control ? UnicodeCategory.Control : loneSurrogate ? UnicodeCategory.Surrogate : UnicodeCategory.OtherNotAssigned);
                glyph = _replacementGlyph;
                codePoint = ReplacementCharacter;
            }

            var kind = codePoint switch
            {
                ' ' or 0x1680 or (>= 0x2000 and <= 0x200B and not 0x2007) or 0x205F or 0x3000 => GlyphKind.Space,
                '-' or 0x2010 => GlyphKind.BreakAfter,
                _ => GlyphKind.Normal,
            };
            run.Add(Cid(glyph, codePoint), Font.Width(glyph), kind);
        }

        return run;
    }

    private ushort Cid(ushort glyph, int codePoint)
    {
        var cid = _cidByGlyph[glyph];
        if (cid == 0 && glyph != 0)
        {
            _glyphs.Add(glyph);
            _codePoints.Add(codePoint);
            cid = (ushort)_glyphs.Count;
            _cidByGlyph[glyph] = cid;
        }

        return cid;
    }

    private void Report(int codePoint, UnicodeCategory category)
    {
        if (!_reported.Add(codePoint))
        {
            return;
        }

        var problem = category switch
        {
            UnicodeCategory.Control => string.Create(CultureInfo.InvariantCulture, $"The text contains the control character U+{codePoint:X4}, which has no printed form"),
            UnicodeCategory.Surrogate => string.Create(CultureInfo.InvariantCulture, $"The text contains the unpaired surrogate U+{codePoint:X4}, which is not a character"),
            _ => string.Create(CultureInfo.InvariantCulture, $"The font {Font.PostScriptName} has no glyph for U+{codePoint:X4} ({char.ConvertFromUtf32(codePoint)})"),
        };
        _warn(problem + "; it is shown as U+FFFD (\uFFFD).");
    }

    /// <summary>
    /// Normal form C, skipping the work for text that cannot contain combining marks. Text with an unpaired
    /// surrogate is left as it is, because normalisation refuses ill-formed UTF-16; the surrogates are
    /// replaced during shaping.
    /// </summary>
    private static string Normalise(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x300)
            {
                return HasLoneSurrogate(text) ? text : text.Normalize(NormalizationForm.FormC);
            }
        }

        return text;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
