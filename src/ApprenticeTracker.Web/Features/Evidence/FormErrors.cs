using ApprenticeTracker.Web.Components.Forms;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// The refusals of one form submission, by the name of the field each concerns, in the order they were found. A
/// refusal that concerns no field (a null or unknown field) is shown in the summary only.
/// </summary>
public sealed class FormErrors
{
    /// <summary>The evidence form's fields top to bottom, so that the summary lists refusals in the order of the page.</summary>
    private static readonly string?[] FieldOrder =
    [
        null, nameof(EvidenceFormModel.Title), nameof(EvidenceFormModel.Type), nameof(EvidenceFormModel.ActivityDate), nameof(EvidenceFormModel.Description),
        EvidenceFormModel.DutyIdsField, EvidenceFormModel.KsbIdsField, EvidenceFormModel.AttachmentsField,
    ];

    private readonly List<(string? Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string? Field, string Message)> All => _errors;

    public void Add(string? field, string message) => _errors.Add((field, message));

    public IReadOnlyList<string> For(string field) =>
        _errors.Where(e => string.Equals(e.Field, field, StringComparison.Ordinal)).Select(e => e.Message).ToList();

    /// <summary>The refusals for the page's error summary, each linking to its field's input.</summary>
    public IReadOnlyList<FormError> Summary => _errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field)).Select(e => new FormError(e.Field is null ? null : EvidenceFormFields.FieldId(e.Field), e.Message)).ToList();

    public bool Has(string field) => _errors.Exists(e => string.Equals(e.Field, field, StringComparison.Ordinal));
}
