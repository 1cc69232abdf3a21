using System.Buffers.Binary;
using System.IO.Compression;

namespace ApprenticeTracker.Pdf.Tests.Support;

/// <summary>
/// Writes small PNG files of any colour type and bit depth for the image tests, so each decoder path
/// is exercised by a file whose pixels the test knows. Rows use a mix of filters on purpose.
/// </summary>
public static class PngWriter
{
    /// <summary>The Adam7 passes in file order: first column, first row, column step, row step (ISO/IEC 15948 §8.2).</summary>
    private static readonly (int X0, int Y0, int DX, int DY)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <param name="samples">One row per image row, each the row's samples (channels × width values, in the bit depth's range).</param>
    /// <param name="interlaced">Write the rows as the seven Adam7 passes, each filtered on its own; empty passes get no bytes.</param>
    /// <param name="dropImageBytes">Leave this many bytes off the end of the uncompressed image data, which is then still a valid zlib stream.</param>
    public static byte[] Write(
        int width, int colourType, int bitDepth, int[][] samples, byte[]? palette = null, byte[]? transparency = null, bool interlaced = false,
        int dropImageBytes = 0)
    {
        var channels = colourType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };
        var raw = new List<byte>();
        var rowsWritten = 0;
        foreach (var (x0, y0, dx, dy) in interlaced ? Adam7 : [(0, 0, 1, 1)])
        {
            var pass = new List<int[]>();
            for (var y = y0; y < samples.Length; y += dy)
            {
                var row = new List<int>();
                for (var x = x0; x < width; x += dx)
                {
                    row.AddRange(samples[y].AsSpan(x * channels, channels));
                }

                if (row.Count > 0)
                {
                    pass.Add([.. row]);
                }
            }

            raw.AddRange(Scanlines(pass, channels, bitDepth, ref rowsWritten));
        }

        raw.RemoveRange(raw.Count - dropImageBytes, dropImageBytes);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), samples.Length);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colourType;
        header[12] = (byte)(interlaced ? 1 : 0);
        Chunk(png, "IHDR", header);
        if (palette is not null)
        {
            Chunk(png, "PLTE", palette);
        }

        if (transparency is not null)
        {
            Chunk(png, "tRNS", transparency);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        // Split the data over two IDAT chunks: decoders must join them.
        var data = compressed.ToArray();
        Chunk(png, "IDAT", data[..(data.Length / 2)]);
        Chunk(png, "IDAT", data[(data.Length / 2)..]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Returns a copy of <paramref name="png"/> whose header names another interlace method, its CRC recomputed.</summary>
    public static byte[] WithInterlaceMethod(byte[] png, byte method)
    {
        const int headerData = 16;
        var copy = (byte[])png.Clone();
        copy[headerData + 12] = method;
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(headerData + 13), Crc32(copy[(headerData - 4)..(headerData + 13)]));
        return copy;
    }

    /// <summary>Packs and filters the rows of one pass; the filter type cycles over every row written so far, so small passes still use all five.</summary>
    private static List<byte> Scanlines(List<int[]> rows, int channels, int bitDepth, ref int rowsWritten)
    {
        var raw = new List<byte>();
        var bpp = Math.Max(1, channels * bitDepth / 8);
        byte[]? previous = null;
        foreach (var samples in rows)
        {
            var row = new byte[((samples.Length * bitDepth) + 7) / 8];
            for (var i = 0; i < samples.Length; i++)
            {
                var value = samples[i];
                switch (bitDepth)
                {
                    case 16:
                        BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(i * 2), (ushort)value);
                        break;
                    case 8:
                        row[i] = (byte)value;
                        break;
                    default:
                        var bit = i * bitDepth;
                        row[bit / 8] |= (byte)(value << (8 - bitDepth - (bit % 8)));
                        break;
                }
            }

            var filter = (byte)(rowsWritten++ % 5);
            raw.Add(filter);
            raw.AddRange(Filter(row, previous, filter, bpp));
            previous = row;
        }

        return raw;
    }

    private static byte[] Filter(byte[] row, byte[]? previous, byte filter, int bpp)
    {
        var output = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = previous?[i] ?? 0, c = i >= bpp && previous is not null ? previous[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                _ => Paeth(a, b, c),
            };
            output[i] = (byte)(row[i] - predictor);
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }
}
