using System.Buffers;
using System.Globalization;
using System.Text;

namespace ApprenticeTracker.Pdf.Writing;

/// <summary>
/// A growable byte array with the few append operations PDF syntax needs. Everything written through
/// it is ASCII except raw stream data, so no encoder is involved on the hot path. Its storage is rented
/// from the shared array pool: a document's page contents and file body add up to megabytes, and
/// allocating them afresh for every document kept the garbage collector busy. Dispose returns the
/// storage; a buffer that is never disposed is simply collected.
/// </summary>
internal sealed class ByteBuffer : IDisposable
{
    private static readonly byte[] HexDigits = "0123456789ABCDEF"u8.ToArray();
    private byte[] _data;

    public ByteBuffer(int capacity = 1024) => _data = ArrayPool<byte>.Shared.Rent(Math.Max(16, capacity));

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public byte[] ToArray() => Span.ToArray();

    public void Clear() => Length = 0;

    public void Truncate(int length) => Length = Math.Clamp(length, 0, Length);

    public ByteBuffer Append(byte value)
    {
        Ensure(1);
        _data[Length++] = value;
        return this;
    }

    /// <summary>Appends an ASCII character; without this overload a char would bind to <see cref="Append(int)"/>.</summary>
    public ByteBuffer Append(char ascii) => Append((byte)ascii);

    public ByteBuffer Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
        return this;
    }

    /// <summary>Appends text that the caller guarantees is ASCII (PDF operators, names, numbers).</summary>
    public ByteBuffer Append(string ascii)
    {
        Ensure(ascii.Length);
        var span = _data.AsSpan(Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        Length += ascii.Length;
        return this;
    }

    public ByteBuffer Append(int value)
    {
        Ensure(11);
        value.TryFormat(_data.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
        return this;
    }

    /// <summary>Appends an indirect reference to object <paramref name="id"/>, as <c>12 0 R</c>.</summary>
    public ByteBuffer Ref(int id) => Append(id).Append(" 0 R");

    public ByteBuffer Append(long value)
    {
        Ensure(20);
        value.TryFormat(_data.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
        return this;
    }

    /// <summary>
    /// Appends a real number in PDF syntax: no exponent, at most three decimals, never "-0". Three decimals
    /// of a point (1/72 inch) is far below anything a reader or printer can show. Written digit by digit
    /// because content streams hold tens of thousands of numbers and general formatting dominated the
    /// cost of writing a document. A value that is not finite, which no valid layout produces, becomes 0
    /// rather than a token no reader could parse.
    /// </summary>
    public ByteBuffer AppendNumber(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 1e12)
        {
            return Append((byte)'0');
        }

        var thousandths = (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (thousandths == 0)
        {
            return Append((byte)'0');
        }

        if (thousandths < 0)
        {
            Append((byte)'-');
            thousandths = -thousandths;
        }

        Append(thousandths / 1000);
        var fraction = (int)(thousandths % 1000);
        if (fraction != 0)
        {
            Ensure(4);
            _data[Length++] = (byte)'.';
            _data[Length++] = (byte)('0' + (fraction / 100));
            fraction %= 100;
            if (fraction != 0)
            {
                _data[Length++] = (byte)('0' + (fraction / 10));
                if (fraction % 10 != 0)
                {
                    _data[Length++] = (byte)('0' + (fraction % 10));
                }
            }
        }

        return this;
    }

    /// <summary>
    /// Appends a two-byte character code inside a literal string, escaping the bytes that would end the
    /// string or be read as an escape, and the line-end bytes that a reader would normalise (PDF 1.7, 7.3.4.2).
    /// </summary>
    public ByteBuffer AppendStringCode(ushort code)
    {
        Ensure(4);
        StringByte((byte)(code >> 8));
        StringByte((byte)code);
        return this;
    }

    public ByteBuffer AppendHex(ushort value)
    {
        Ensure(4);
        _data[Length++] = HexDigits[value >> 12];
        _data[Length++] = HexDigits[(value >> 8) & 0xF];
        _data[Length++] = HexDigits[(value >> 4) & 0xF];
        _data[Length++] = HexDigits[value & 0xF];
        return this;
    }

    public ByteBuffer AppendHexByte(byte value)
    {
        Ensure(2);
        _data[Length++] = HexDigits[value >> 4];
        _data[Length++] = HexDigits[value & 0xF];
        return this;
    }

    /// <summary>Appends a string as a PDF text string (see <see cref="PdfStrings.AppendTextString"/>).</summary>
    public ByteBuffer AppendTextString(string text)
    {
        PdfStrings.AppendTextString(this, text);
        return this;
    }

    /// <summary>Writes one byte of a literal string; the caller has ensured room for two.</summary>
    private void StringByte(byte value)
    {
        switch (value)
        {
            case (byte)'(' or (byte)')' or (byte)'\\':
                _data[Length++] = (byte)'\\';
                _data[Length++] = value;
                break;
            case (byte)'\r':
                _data[Length++] = (byte)'\\';
                _data[Length++] = (byte)'r';
                break;
            case (byte)'\n':
                _data[Length++] = (byte)'\\';
                _data[Length++] = (byte)'n';
                break;
            default:
                _data[Length++] = value;
                break;
        }
    }

    public override string ToString() => Encoding.Latin1.GetString(Span);

    public void Dispose()
    {
        var data = _data;
        _data = [];
        Length = 0;
        if (data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private void Ensure(int extra)
    {
        if (Length + extra <= _data.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_data.Length * 2, Length + extra));
        _data.AsSpan(0, Length).CopyTo(larger);
        if (_data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_data);
        }

        _data = larger;
    }
}
