namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// A rule of the apprenticeship was about to be broken. The message is written for the person who tried,
/// and <see cref="Field"/> names the input it concerns (when there is one) so a form can show it beside that field.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The name of the input the refusal concerns, for example <c>Title</c>; null when it concerns the whole request.</summary>
    public string? Field { get; }
}
