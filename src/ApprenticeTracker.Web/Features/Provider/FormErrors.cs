using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Web.Components.Forms;
using Microsoft.AspNetCore.Components.Forms;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// The refusals of one form post, by field. A field's name is also the id of its input, so the error summary links
/// to it; a refusal without a field concerns the whole form.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string? Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string? Field, string Message)> All => _errors;

    /// <summary>The refusals for the shared error summary at the top of the page, each linking to its field.</summary>
    public IReadOnlyList<FormError> Summary => _errors.Select(e => new FormError(e.Field, e.Message)).ToList();

    /// <summary>Adds a refusal; only the first for a field is kept, as a person fixes one thing at a time.</summary>
    public void Add(string? field, string message)
    {
        if (field is null || !_errors.Exists(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)))
        {
            _errors.Add((field, message));
        }
    }

    public void Add(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Add(exception.Field, exception.Message);
    }

    /// <summary>The message for a field, or null when it has none.</summary>
    public string? For(string field) =>
        _errors.Find(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)).Message;

    /// <summary>
    /// Puts each refusal of a field into <paramref name="form"/>, where the shared <see cref="FieldError{TValue}"/>
    /// shows it beside the field. A field is the property of that name of the form's model, unless
    /// <paramref name="fields"/> maps it to another (when the input's id is not the property's name).
    /// </summary>
    public void ShowIn(EditContext form, IReadOnlyDictionary<string, FieldIdentifier>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var store = new ValidationMessageStore(form);
        foreach (var (field, message) in _errors)
        {
            if (field is not null)
            {
                store.Add(fields is not null && fields.TryGetValue(field, out var mapped) ? mapped : form.Field(field), message);
            }
        }

        form.NotifyValidationStateChanged();
    }

    /// <summary>"is-invalid" when the field has a message, for Bootstrap's styling.</summary>
    public string? Invalid(string field) => For(field) is null ? null : "is-invalid";

    /// <summary>The id of the field's message, for the input's aria-describedby; null when it has none.</summary>
    public string? DescribedBy(string field, string? hintId = null)
    {
        var ids = new[] { hintId, For(field) is null ? null : $"{field}-error" }.Where(id => id is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }
}
