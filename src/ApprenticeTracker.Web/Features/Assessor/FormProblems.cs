using ApprenticeTracker.Web.Components.Forms;
using Microsoft.AspNetCore.Components.Forms;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// The problems a handler reported for one form, by field name: each goes beside its field (through the form's
/// <see cref="EditContext"/>) and into the error summary, which links to the field's input. A problem of no known
/// field goes in the summary only.
/// </summary>
public sealed class FormProblems
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;
    private readonly IReadOnlyDictionary<string, string> _inputIds;
    private readonly List<FormError> _summary = [];

    /// <param name="inputIds">The id of the input of each field the form has, by the field's name.</param>
    public FormProblems(EditContext context, IReadOnlyDictionary<string, string> inputIds)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _store = new ValidationMessageStore(context);
        _inputIds = inputIds;
        context.SetFieldCssClassProvider(BootstrapFieldClasses.Instance);
    }

    public IReadOnlyList<FormError> Summary => _summary;

    public void Add(string? field, string message)
    {
        if (field is not null && _inputIds.TryGetValue(field, out var inputId))
        {
            _store.Add(_context.Field(field), message);
            _summary.Add(new FormError(inputId, message));
        }
        else
        {
            _summary.Add(new FormError(null, message));
        }

        _context.NotifyValidationStateChanged();
    }

    /// <summary>The message beside <paramref name="field"/>, if it has one.</summary>
    public string? For(string field) => _context.GetValidationMessages(_context.Field(field)).FirstOrDefault();

    /// <summary>"is-invalid" when <paramref name="field"/> has a problem, for inputs that are not InputBase components.</summary>
    public string CssFor(string field) => For(field) is null ? string.Empty : "is-invalid";

    /// <summary>The id of the message beside <paramref name="field"/>: its input's id and "-error".</summary>
    public string ErrorId(string field) => $"{(_inputIds.TryGetValue(field, out var inputId) ? inputId : field)}-error";

    /// <summary>The ids that describe an input: its hint, and its error while it has one.</summary>
    public string DescribedBy(string field, string? hintId)
    {
        string?[] ids = [hintId, For(field) is null ? null : ErrorId(field)];
        return string.Join(' ', ids.Where(id => id is not null));
    }
}
