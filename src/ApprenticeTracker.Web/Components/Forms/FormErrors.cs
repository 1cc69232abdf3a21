using Microsoft.AspNetCore.Components.Forms;

namespace ApprenticeTracker.Web.Components.Forms;

/// <summary>
/// The one collection of the refusals of a submitted form, by field, in the order they were found: a handler fills it
/// (from its own checks and from a <see cref="DomainException"/>'s refusals), returns it in a
/// <see cref="CommandResult"/>, and the page shows each message beside its field and every message in the
/// <see cref="ErrorSummary"/>. A field's name is the id of its input unless the page links other ids
/// (<see cref="LinkTo"/>); a refusal without a field concerns the whole form and goes in the summary only.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string? Field, string Message)> _errors = [];
    private IReadOnlyDictionary<string, string>? _inputIds;
    private string?[]? _order;

    /// <summary>True when anything was refused.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Every refusal, in the order found.</summary>
    public IReadOnlyList<(string? Field, string Message)> All => _errors;

    /// <summary>One refusal, for a handler that stops at its first check.</summary>
    public static FormErrors Of(string? field, string message)
    {
        var errors = new FormErrors();
        errors.Add(field, message);
        return errors;
    }

    /// <summary>
    /// The messages an <see cref="EditForm"/>'s validators (DataAnnotations) put in its context, for the fields of
    /// <paramref name="inputIds"/> in that order, linked to those inputs.
    /// </summary>
    public static FormErrors FromValidation(EditContext form, IReadOnlyDictionary<string, string> inputIds)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(inputIds);
        var errors = new FormErrors().LinkTo(inputIds);
        foreach (var field in inputIds.Keys)
        {
            foreach (var message in form.GetValidationMessages(form.Field(field)))
            {
                errors.Add(field, message);
            }
        }

        return errors;
    }

    /// <summary>Adds a refusal of <paramref name="field"/> (null: the whole form); the same message twice is kept once.</summary>
    public void Add(string? field, string message)
    {
        if (!_errors.Contains((field, message)))
        {
            _errors.Add((field, message));
        }
    }

    /// <summary>
    /// Adds every refusal the domain gave, each beside the form field <paramref name="fieldOf"/> maps the domain's field
    /// constant to (null: the summary only); without a map, the domain's field is the form's. A field the form has
    /// already refused (its value could not even be read) gets no second message.
    /// </summary>
    public void Add(DomainException refused, Func<string?, string?>? fieldOf = null)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var alreadyRefused = _errors.Where(e => e.Field is not null).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var refusal in refused.Refusals)
        {
            var field = fieldOf is null ? refusal.Field : fieldOf(refusal.Field);
            if (field is null || !alreadyRefused.Contains(field))
            {
                Add(field, refusal.Message);
            }
        }
    }

    /// <summary>The messages of <paramref name="field"/>; empty when it has none.</summary>
    public IReadOnlyList<string> For(string field) =>
        _errors.Where(e => string.Equals(e.Field, field, StringComparison.Ordinal)).Select(e => e.Message).ToList();

    public bool Has(string field) => _errors.Exists(e => string.Equals(e.Field, field, StringComparison.Ordinal));

    /// <summary>The id of the input of <paramref name="field"/>: the field's name unless linked otherwise.</summary>
    public string InputId(string field) => _inputIds is not null && _inputIds.TryGetValue(field, out var id) ? id : field;

    /// <summary>The id of the message beside <paramref name="field"/>: its input's id and "-error".</summary>
    public string ErrorId(string field) => $"{InputId(field)}-error";

    /// <summary>"is-invalid" when the field has a message, for Bootstrap's styling of inputs that are not InputBase components.</summary>
    public string Invalid(string field) => Has(field) ? "is-invalid" : string.Empty;

    /// <summary>The value of an input's <c>aria-describedby</c>: its hint and, while it has a message, the message; null when neither.</summary>
    public string? DescribedBy(string field, string? hintId = null)
    {
        string?[] ids = [hintId, Has(field) ? ErrorId(field) : null];
        var joined = string.Join(' ', ids.Where(id => id is not null));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The refusals for the page's error summary, in the page's order of fields if given, each linking to its input.</summary>
    public IReadOnlyList<FormError> Summary =>
        (_order is null ? _errors : _errors.OrderBy(e => Position(e.Field)).ToList())
        .Select(e => new FormError(e.Field is null ? null : InputId(e.Field), e.Message))
        .ToList();

    /// <summary>The ids of the inputs linked by <see cref="LinkTo"/>, by field; empty when each field's name is its input's id.</summary>
    public IReadOnlyDictionary<string, string> InputIds => _inputIds ?? new Dictionary<string, string>();

    /// <summary>Links fields to inputs whose ids are not the fields' names; returns this collection.</summary>
    public FormErrors LinkTo(IReadOnlyDictionary<string, string> inputIds)
    {
        _inputIds = inputIds;
        return this;
    }

    /// <summary>Lists the summary in the order the page shows its fields (null: the whole form); returns this collection.</summary>
    public FormErrors InOrder(params string?[] fields)
    {
        _order = fields;
        return this;
    }

    /// <summary>
    /// Puts each refusal of a field into an <see cref="EditForm"/>'s context, where <see cref="FieldError{TValue}"/>
    /// shows it beside the field and <see cref="BootstrapFieldClasses"/> marks the input. A field is the property of
    /// that name of the form's model, unless <paramref name="fields"/> maps it to another.
    /// </summary>
    public void ShowIn(EditContext form, IReadOnlyDictionary<string, FieldIdentifier>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.SetFieldCssClassProvider(BootstrapFieldClasses.Instance);
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

    private int Position(string? field)
    {
        for (var i = 0; i < _order!.Length; i++)
        {
            if (string.Equals(_order[i], field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return _order.Length;
    }
}
