namespace ApprenticeTracker.Persistence.Standards;

/// <summary>A standards file cannot be read: it is not JSON, or a required field is missing or of the wrong kind. The message names it.</summary>
public sealed class StandardFormatException : Exception
{
    public StandardFormatException(string message)
        : base(message)
    {
    }

    public StandardFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
