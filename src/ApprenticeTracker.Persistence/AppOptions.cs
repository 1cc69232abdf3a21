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

    /// <summary>
    /// How old a staged upload, a request buffer or a stored file that no attachment refers to must be before the
    /// sweep (at start-up and by the <c>check-files</c> verb) removes it: long enough that a save still in progress,
    /// which may have moved its files into place but not yet committed, is never swept. One hour unless configured.
    /// </summary>
    public TimeSpan OrphanFileGracePeriod { get; set; } = TimeSpan.FromHours(1);
}
