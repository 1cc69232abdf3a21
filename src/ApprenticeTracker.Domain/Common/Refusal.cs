namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// One reason the domain refused an input: what to fix, in words the person who tried can read, and the field it
/// concerns, named by one of the aggregate's field constants (<see cref="Evidence.EvidenceItem.Fields"/>,
/// <see cref="Enrolments.Enrolment.Fields"/>), so that a form binds it to its input in one place.
/// </summary>
/// <param name="Field">A field constant of the aggregate; null when the refusal concerns the whole request.</param>
/// <param name="Message">What to fix.</param>
public sealed record Refusal(string? Field, string Message);
