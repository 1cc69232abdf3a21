using System.Buffers.Binary;
using System.IO.Compression;

namespace ApprenticeTracker.Pdf.Images;

/// <summary>
/// An image ready to become a PDF image XObject: either a JPEG file passed through (DCTDecode), or PNG
/// pixels decoded to 8 bits per component, with any transparency split out as a soft mask.
/// </summary>
internal sealed class ImageData
{
    private ImageData(int width, int height, int components, byte[] data, bool isJpeg, byte[]? alpha = null, bool invertedCmyk = false)
    {
        Width = width;
        Height = height;
        Components = components;
        Data = data;
        IsJpeg = isJpeg;
        Alpha = alpha;
        InvertedCmyk = invertedCmyk;
    }

    /// <summary>The largest image accepted, in pixels, so that a hostile file cannot exhaust memory.</summary>
    public const long MaxPixels = 50_000_000;

    public int Width { get; }

    public int Height { get; }

    /// <summary>1 (grey), 3 (RGB) or 4 (CMYK, JPEG only).</summary>
    public int Components { get; }

    /// <summary>The JPEG file, or the unfiltered 8-bit samples of a PNG, row by row.</summary>
    public byte[] Data { get; }

    public bool IsJpeg { get; }

    /// <summary>8-bit opacity per pixel, or null when the image is opaque.</summary>
    public byte[]? Alpha { get; }

    /// <summary>Adobe CMYK JPEGs store inverted samples; the PDF image then needs a Decode array.</summary>
    public bool InvertedCmyk { get; }

    public string ColourSpace => Components switch
    {
        1 => "/DeviceGray",
        3 => "/DeviceRGB",
        _ => "/DeviceCMYK",
    };

    /// <exception cref="ArgumentException">The data is not a JPEG or PNG file that can be read.</exception>
    public static ImageData Decode(byte[] data, string parameterName)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return Jpeg(data, parameterName);
        }

        if (data.AsSpan().StartsWith(PngDecoder.Signature))
        {
            return PngDecoder.Decode(data, parameterName, (w, h, c, pixels, alpha) => new ImageData(w, h, c, pixels, false, alpha));
        }

        throw new ArgumentException("The image is neither a JPEG nor a PNG file.", parameterName);
    }

    private static ImageData Jpeg(byte[] data, string parameterName)
    {
        var adobe = false;
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                break;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 2));
            if (marker == 0xEE && position + 9 <= data.Length && data.AsSpan(position + 4, 5).SequenceEqual("Adobe"u8))
            {
                adobe = true;
            }

            // Start-of-frame markers C0 to CF, except DHT (C4), JPG (C8) and DAC (CC), carry the image size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (position + 10 > data.Length)
                {
                    break;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 5));
                var width = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 7));
                int components = data[position + 9];
                if (width == 0 || height == 0 || components is not (1 or 3 or 4) || data[position + 4] != 8)
                {
                    throw new ArgumentException("The JPEG must be 8-bit greyscale, RGB or CMYK with a non-zero size.", parameterName);
                }

                return new ImageData(width, height, components, data, true, invertedCmyk: adobe && components == 4);
            }

            position += 2 + length;
        }

        throw new ArgumentException("The JPEG file is truncated or has no frame header.", parameterName);
    }

    /// <summary>
    /// Decodes PNG files (ISO/IEC 15948): every colour type and bit depth, without interlacing or with
    /// Adam7 interlacing.
    /// </summary>
    private static class PngDecoder
    {
        public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        public static ImageData Decode(byte[] data, string parameterName, Func<int, int, int, byte[], byte[]?, ImageData> create)
        {
            int width = 0, height = 0, depth = 0, colourType = -1, interlace = 0;
            byte[]? palette = null, transparency = null;
            using var compressed = new MemoryStream();
            var position = 8;
            while (position + 12 <= data.Length)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(position));
                if (length < 0 || position + 12L + length > data.Length)
                {
                    throw new ArgumentException("The PNG file is truncated.", parameterName);
                }

                var type = data.AsSpan(position + 4, 4);
                var chunk = data.AsSpan(position + 8, length);
                if (type.SequenceEqual("IHDR"u8) && length >= 13)
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(chunk);
                    height = BinaryPrimitives.ReadInt32BigEndian(chunk[4..]);
                    depth = chunk[8];
                    colourType = chunk[9];
                    interlace = chunk[12];
                    if (interlace > 1)
                    {
                        throw new ArgumentException($"The PNG uses unknown interlace method {interlace}; only none and Adam7 exist.", parameterName);
                    }
                }
                else if (type.SequenceEqual("PLTE"u8))
                {
                    palette = chunk.ToArray();
                }
                else if (type.SequenceEqual("tRNS"u8))
                {
                    transparency = chunk.ToArray();
                }
                else if (type.SequenceEqual("IDAT"u8))
                {
                    compressed.Write(chunk);
                }
                else if (type.SequenceEqual("IEND"u8))
                {
                    break;
                }

                position += 12 + length;
            }

            var channels = colourType switch
            {
                0 => 1,
                2 => 3,
                3 => 1,
                4 => 2,
                6 => 4,
                _ => throw new ArgumentException("The PNG file has no valid header.", parameterName),
            };
            var depthValid = colourType switch
            {
                0 => depth is 1 or 2 or 4 or 8 or 16,
                3 => depth is 1 or 2 or 4 or 8,
                _ => depth is 8 or 16,
            };
            if (!depthValid || width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            {
                throw new ArgumentException($"The PNG's size or bit depth is not supported (at most {MaxPixels} pixels).", parameterName);
            }

            if (colourType == 3 && (palette is null || palette.Length < 3))
            {
                throw new ArgumentException("The palette PNG has no palette.", parameterName);
            }

            var passes = interlace == 1 ? Pass.Adam7(width, height) : [new Pass(0, 0, 1, 1, width, height)];
            var bitsPerPixel = channels * depth;
            var raw = Inflate(compressed, passes.Sum(p => p.RawLength(bitsPerPixel)), parameterName);
            var image = new Pixels(width, height, depth, colourType, palette, transparency);
            var offset = 0;
            foreach (var pass in passes)
            {
                if (pass.IsEmpty)
                {
                    continue;
                }

                var stride = pass.Stride(bitsPerPixel);
                var scanlines = raw.AsSpan(offset, (int)pass.RawLength(bitsPerPixel));
                Unfilter(scanlines, stride, pass.Height, Math.Max(1, bitsPerPixel / 8), parameterName);
                image.Read(scanlines, stride, pass);
                offset += scanlines.Length;
            }

            return image.Create(create);
        }

        private static byte[] Inflate(MemoryStream compressed, long expected, string parameterName)
        {
            var raw = new byte[expected];
            compressed.Position = 0;
            try
            {
                using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
                zlib.ReadExactly(raw);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                throw new ArgumentException("The PNG's image data is corrupt or truncated.", parameterName, e);
            }

            return raw;
        }

        /// <summary>Reverses the row filters of one pass (or of the whole image when not interlaced), in place.</summary>
        private static void Unfilter(Span<byte> raw, int stride, int height, int bpp, string parameterName)
        {
            for (var y = 0; y < height; y++)
            {
                var rowStart = (y * (stride + 1)) + 1;
                var filter = raw[rowStart - 1];
                var row = raw.Slice(rowStart, stride);

                // The first row of each pass has no row above it: passes are filtered independently.
                var previous = y == 0 ? Span<byte>.Empty : raw.Slice(rowStart - stride - 1, stride);
                switch (filter)
                {
                    case 0:
                        break;
                    case 1:
                        for (var i = bpp; i < stride; i++)
                        {
                            row[i] += row[i - bpp];
                        }

                        break;
                    case 2:
                        for (var i = 0; i < stride && !previous.IsEmpty; i++)
                        {
                            row[i] += previous[i];
                        }

                        break;
                    case 3:
                        for (var i = 0; i < stride; i++)
                        {
                            var left = i >= bpp ? row[i - bpp] : 0;
                            var up = previous.IsEmpty ? 0 : previous[i];
                            row[i] += (byte)((left + up) / 2);
                        }

                        break;
                    case 4:
                        for (var i = 0; i < stride; i++)
                        {
                            var a = i >= bpp ? row[i - bpp] : 0;
                            var b = previous.IsEmpty ? 0 : previous[i];
                            var c = i >= bpp && !previous.IsEmpty ? previous[i - bpp] : 0;
                            row[i] += Paeth(a, b, c);
                        }

                        break;
                    default:
                        throw new ArgumentException($"The PNG uses unknown row filter {filter}.", parameterName);
                }
            }
        }

        private static byte Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            var pa = Math.Abs(p - a);
            var pb = Math.Abs(p - b);
            var pc = Math.Abs(p - c);
            return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
        }

        private static int Sample(ReadOnlySpan<byte> row, int index, int depth) => depth switch
        {
            16 => (row[index * 2] << 8) | row[(index * 2) + 1],
            8 => row[index],
            _ => (row[index * depth / 8] >> (8 - depth - (index * depth % 8))) & ((1 << depth) - 1),
        };

        /// <summary>
        /// A reduced image stored as its own run of filtered scanlines: its pixels sit at
        /// (<see cref="X0"/> + i × <see cref="DX"/>, <see cref="Y0"/> + j × <see cref="DY"/>) in the full image.
        /// A non-interlaced image is one pass covering every pixel.
        /// </summary>
        private readonly record struct Pass(int X0, int Y0, int DX, int DY, int Width, int Height)
        {
            /// <summary>A pass with no columns or no rows has no scanlines, not even filter bytes.</summary>
            public bool IsEmpty => Width == 0 || Height == 0;

            /// <summary>The seven Adam7 passes over repeated 8 × 8 tiles (ISO/IEC 15948 §8.2), in file order.</summary>
            public static Pass[] Adam7(int width, int height)
            {
                ReadOnlySpan<int> layout = [0, 0, 8, 8, 4, 0, 8, 8, 0, 4, 4, 8, 2, 0, 4, 4, 0, 2, 2, 4, 1, 0, 2, 2, 0, 1, 1, 2];
                var passes = new Pass[7];
                for (var i = 0; i < passes.Length; i++)
                {
                    int x0 = layout[i * 4], y0 = layout[(i * 4) + 1], dx = layout[(i * 4) + 2], dy = layout[(i * 4) + 3];
                    passes[i] = new Pass(x0, y0, dx, dy, (width - x0 + dx - 1) / dx, (height - y0 + dy - 1) / dy);
                }

                return passes;
            }

            public int Stride(int bitsPerPixel) => (int)(((long)Width * bitsPerPixel + 7) / 8);

            /// <summary>The pass's bytes in the inflated data: each row is a filter byte then <see cref="Stride"/> bytes.</summary>
            public long RawLength(int bitsPerPixel) => IsEmpty ? 0 : (Stride(bitsPerPixel) + 1L) * Height;
        }

        /// <summary>The decoded image, filled pass by pass: 8-bit grey or RGB samples, and opacity per pixel.</summary>
        private sealed class Pixels(int width, int height, int depth, int colourType, byte[]? palette, byte[]? transparency)
        {
            private readonly int _outChannels = OutChannels(colourType);
            private readonly int _samplesPerPixel = colourType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };
            private readonly int _maxSample = (1 << depth) - 1;
            private readonly byte[] _pixels = new byte[(long)width * height * OutChannels(colourType)];
            private readonly byte[] _alpha = new byte[(long)width * height];
            private bool _translucent;

            /// <summary>Converts the unfiltered rows of <paramref name="pass"/>, which start at <paramref name="raw"/>, into their places.</summary>
            public void Read(ReadOnlySpan<byte> raw, int stride, Pass pass)
            {
                Span<int> sample = stackalloc int[4];
                for (var y = 0; y < pass.Height; y++)
                {
                    var row = raw.Slice((y * (stride + 1)) + 1, stride);
                    var rowStart = (pass.Y0 + (y * pass.DY)) * width;
                    for (var x = 0; x < pass.Width; x++)
                    {
                        for (var s = 0; s < _samplesPerPixel; s++)
                        {
                            sample[s] = Sample(row, (x * _samplesPerPixel) + s, depth);
                        }

                        var index = rowStart + pass.X0 + (x * pass.DX);
                        var a = Store(index, sample);
                        _alpha[index] = a;
                        _translucent |= a != 255;
                    }
                }
            }

            /// <summary>Palette and colour images become RGB; greyscale, with or without alpha, stays grey.</summary>
            private static int OutChannels(int colourType) => colourType is 2 or 3 or 6 ? 3 : 1;

            public ImageData Create(Func<int, int, int, byte[], byte[]?, ImageData> create) =>
                create(width, height, _outChannels, _pixels, _translucent ? _alpha : null);

            /// <summary>Writes one pixel's colour and returns its opacity.</summary>
            private byte Store(int index, ReadOnlySpan<int> sample)
            {
                switch (colourType)
                {
                    case 0:
                        _pixels[index] = (byte)(sample[0] * 255 / _maxSample);
                        return transparency is { Length: >= 2 } && sample[0] == BinaryPrimitives.ReadUInt16BigEndian(transparency) ? (byte)0 : (byte)255;
                    case 3:
                        var entry = sample[0] * 3;
                        if (entry + 2 < palette!.Length)
                        {
                            _pixels[index * 3] = palette[entry];
                            _pixels[(index * 3) + 1] = palette[entry + 1];
                            _pixels[(index * 3) + 2] = palette[entry + 2];
                        }

                        return transparency is not null && sample[0] < transparency.Length ? transparency[sample[0]] : (byte)255;
                    case 2:
                        for (var s = 0; s < 3; s++)
                        {
                            _pixels[(index * 3) + s] = (byte)(sample[s] * 255 / _maxSample);
                        }

                        return transparency is { Length: >= 6 }
                            && sample[0] == BinaryPrimitives.ReadUInt16BigEndian(transparency)
                            && sample[1] == BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(2))
                            && sample[2] == BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(4))
                            ? (byte)0
                            : (byte)255;
                    case 4:
                        _pixels[index] = (byte)(sample[0] * 255 / _maxSample);
                        return (byte)(sample[1] * 255 / _maxSample);
                    default:
                        for (var s = 0; s < 3; s++)
                        {
                            _pixels[(index * 3) + s] = (byte)(sample[s] * 255 / _maxSample);
                        }

                        return (byte)(sample[3] * 255 / _maxSample);
                }
            }
        }
    }
}
