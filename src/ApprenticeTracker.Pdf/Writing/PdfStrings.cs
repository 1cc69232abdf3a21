using System.Text;

namespace ApprenticeTracker.Pdf.Writing;

/// <summary>Encodes strings and dates as PDF objects.</summary>
internal static class PdfStrings
{
    /// <summary>
    /// Appends a PDF text string (PDF 1.7, 7.9.2.2). Printable ASCII is written as a literal string with
    /// the three special characters escaped; anything else as UTF-16BE with a byte order mark, written in
    /// hex so that no byte of it can be mistaken for syntax. Lone surrogates, which UTF-16BE cannot carry,
    /// become U+FFFD.
    /// </summary>
    public static void AppendTextString(ByteBuffer buffer, string text)
    {
        if (IsPrintableAscii(text))
        {
            buffer.Append((byte)'(');
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\')
                {
                    buffer.Append((byte)'\\');
                }

                buffer.Append((byte)c);
            }

            buffer.Append((byte)')');
            return;
        }

        buffer.Append("<FEFF");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                buffer.AppendHex(c).AppendHex(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                buffer.AppendHex(0xFFFD);
            }
            else
            {
                buffer.AppendHex(c);
            }
        }

        buffer.Append((byte)'>');
    }

    /// <summary>A PDF date string (PDF 1.7, 7.9.4), for example <c>D:20260131093000+00'00'</c>.</summary>
    public static string Date(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        var builder = new StringBuilder("D:", 32);
        builder.Append(value.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        builder.Append(sign);
        builder.Append(abs.Hours.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        builder.Append('\'');
        builder.Append(abs.Minutes.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        builder.Append('\'');
        return builder.ToString();
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
