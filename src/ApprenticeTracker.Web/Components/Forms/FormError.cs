namespace ApprenticeTracker.Web.Components.Forms;

/// <summary>One problem with a submitted form, for the <see cref="ErrorSummary"/> at the top of the page.</summary>
/// <param name="FieldId">The id of the input the message is about, which the summary links to; null for the form as a whole.</param>
/// <param name="Message">What to fix, in the words shown beside the field.</param>
public sealed record FormError(string? FieldId, string Message);
