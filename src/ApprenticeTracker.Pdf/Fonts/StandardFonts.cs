namespace ApprenticeTracker.Pdf.Fonts;

/// <summary>
/// The bundled DejaVu Sans faces, parsed once per process: parsing is the costliest step of writing a
/// small document, and the parsed font is immutable.
/// </summary>
internal static class StandardFonts
{
    private static readonly Lazy<TrueTypeFont> LazyRegular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<TrueTypeFont> LazyBold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static TrueTypeFont Regular => LazyRegular.Value;

    public static TrueTypeFont Bold => LazyBold.Value;

    internal static byte[] ReadResource(string fileName)
    {
        using var stream = typeof(StandardFonts).Assembly.GetManifestResourceStream("ApprenticeTracker.Pdf.Fonts." + fileName)
            ?? throw new InvalidOperationException($"The embedded font {fileName} is missing from the assembly.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }

    private static TrueTypeFont Load(string fileName) => new(ReadResource(fileName));
}
