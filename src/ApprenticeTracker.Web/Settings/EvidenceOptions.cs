namespace ApprenticeTracker.Web.Settings;

/// <summary>
/// Settings of the configuration section <c>Evidence</c>: the limits on attachments, of evidence items and (one file
/// each, the same largest size) off-the-job entries.
/// </summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The largest file that may be attached, in bytes (20 MB unless configured).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most files one item of evidence may carry (10 unless configured).</summary>
    public int MaxFilesPerItem { get; set; } = 10;

    /// <summary>
    /// The largest request an evidence form may send: every file at its largest, plus room for the text fields and
    /// the multipart framing.
    /// </summary>
    public long MaxRequestBytes => (MaxFileBytes * MaxFilesPerItem) + (1024 * 1024);
}
