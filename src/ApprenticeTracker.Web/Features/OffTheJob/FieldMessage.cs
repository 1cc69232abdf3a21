using Microsoft.AspNetCore.Components;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// A field's messages beside it, for the feature's plain forms (no <c>EditForm</c>, so no <see cref="FieldError{TValue}"/>):
/// the same markup, with the id the input's <c>aria-describedby</c> names.
/// </summary>
internal static class FieldMessage
{
    public static RenderFragment For(FormErrors errors, string field) => builder =>
    {
        var messages = errors.For(field);
        if (messages.Count == 0)
        {
            return;
        }

        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "id", errors.ErrorId(field));
        builder.AddAttribute(2, "class", "invalid-feedback d-block field-error");
        builder.OpenElement(3, "span");
        builder.AddAttribute(4, "class", "visually-hidden");
        builder.AddContent(5, "Error: ");
        builder.CloseElement();
        builder.AddContent(6, string.Join(" ", messages));
        builder.CloseElement();
    };
}
