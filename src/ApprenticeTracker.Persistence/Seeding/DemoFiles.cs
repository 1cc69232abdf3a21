using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>Small real files for the demo evidence, made in memory: a PNG image and UTF-8 text.</summary>
internal static class DemoFiles
{
    /// <summary>A 48 × 32 PNG: a green trace on a pale grid, like a strip of ECG paper.</summary>
    public static byte[] Png()
    {
        const int width = 48;
        const int height = 32;
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3));
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var trace = 16 - (x % 12 == 5 ? 12 : x % 12 == 6 ? -6 : 0);
                var (r, g, b) = y == trace ? ((byte)0, (byte)120, (byte)60)
                    : x % 8 == 0 || y % 8 == 0 ? ((byte)245, (byte)190, (byte)190)
                    : ((byte)255, (byte)245, (byte)245);
                var at = row + 1 + (x * 3);
                raw[at] = r;
                raw[at + 1] = g;
                raw[at + 2] = b;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text + "\n");

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
