namespace ApprenticeTracker.Persistence;

/// <summary>Settings of the configuration section <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The folder holding the database file and the evidence file store. A relative path is resolved against the
    /// host's content root.
    /// </summary>
    public string DataPath { get; set; } = "data";
}
