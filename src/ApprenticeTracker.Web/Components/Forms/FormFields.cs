using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;

namespace ApprenticeTracker.Web.Components.Forms;

/// <summary>Helpers that tie an input to its hint and its error message for assistive technology.</summary>
public static class FormFields
{
    /// <summary>
    /// The value of an input's <c>aria-describedby</c>: its hint (if any) and, while it has an error, the error's id;
    /// null when there is neither, so the attribute is left out.
    /// </summary>
    public static string? DescribedBy<T>(this EditContext editContext, Expression<Func<T>> field, string errorId, string? hintId = null)
    {
        ArgumentNullException.ThrowIfNull(editContext);
        var hasError = editContext.GetValidationMessages(FieldIdentifier.Create(field)).Any();
        string?[] ids = [hintId, hasError ? errorId : null];
        var joined = string.Join(' ', ids.Where(id => id is not null));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The messages of one field, as <see cref="FormError"/>s that link to the field's input.</summary>
    public static IEnumerable<FormError> ErrorsOf<T>(this EditContext editContext, Expression<Func<T>> field, string inputId)
    {
        ArgumentNullException.ThrowIfNull(editContext);
        return editContext.GetValidationMessages(FieldIdentifier.Create(field)).Select(m => new FormError(inputId, m));
    }
}
