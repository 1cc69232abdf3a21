namespace ApprenticeTracker.Reports.Tests.Support;

/// <summary>Small image files for attachments.</summary>
public static class TestImages
{
    /// <summary>A valid 1×1 red PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}
