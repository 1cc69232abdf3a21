namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// The standard that ships with the app (<c>samples/standards/ST0413-v1.1.json</c>), copied beside the app's
/// assemblies at build time so it is found wherever the app runs from.
/// </summary>
public static class SampleStandard
{
    public const string ReferenceNumber = "ST0413";
    public const string Version = "1.1";

    /// <summary>The path of the shipped file relative to the app's folder and to the repository's root.</summary>
    public static string RelativePath { get; } = Path.Combine("samples", "standards", "ST0413-v1.1.json");

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, RelativePath);
}
