namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>Attachment records as the file store would describe them after saving an upload.</summary>
internal static class Files
{
    /// <summary>A well-formed SHA-256 in the form the domain expects: 64 lower-case hexadecimal digits.</summary>
    public const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static Attachment Pdf(string fileName = "calibration-log.pdf", long sizeBytes = 48_213) =>
        Attachment.Describe(fileName, sizeBytes, Sha256, "application/pdf", Guid.NewGuid().ToString("N"), Clock.Now);
}
