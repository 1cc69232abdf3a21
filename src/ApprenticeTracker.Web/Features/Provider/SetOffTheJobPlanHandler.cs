using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// Sets what one of my organisation's enrolments plans its off-the-job hours from: the contracted hours a week, the
/// reduction for recognised prior learning with its reason, and, where the rules of its start date ask for it, the
/// standard version's minimum. Every field is judged and any refusal saves nothing; a value left as it was is not
/// changed (so the audit log records only what changed).
/// </summary>
public sealed class SetOffTheJobPlanHandler(EnrolmentChange change)
{
    public Task<CommandResult> HandleAsync(Guid id, OffTheJobPlanForm form, CancellationToken ct) =>
        change.RunAsync(id, OffTheJobPlanForm.ContractedHoursField, async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var hours = ReadDecimal(form.ContractedHoursPerWeek, OffTheJobPlanForm.ContractedHoursField,
                "Enter the contracted hours a week as a number, for example 37.5.", errors);
            var priorLearning = ReadWhole(form.PriorLearningHours, OffTheJobPlanForm.PriorLearningHoursField,
                "Enter the reduction in whole hours, for example 40; 0 for none.", errors, emptyIs: 0);
            var reason = string.IsNullOrWhiteSpace(form.PriorLearningReason) ? null : form.PriorLearningReason.Trim();

            Standard? standard = null;
            int? minimum = null;
            if (OffTheJobRules.For(enrolment.StartDate).Basis == OffTheJobPlanBasis.FixedMinimumPerStandard)
            {
                standard = await EnrolmentChange.LoadStandardAsync(db, enrolment.StandardId, tracked: true, ct);
                minimum = ReadWhole(form.StandardMinimumHours, OffTheJobPlanForm.StandardMinimumField,
                    "Enter the standard's minimum in whole hours, for example 400.", errors, emptyIs: null);
            }

            if (hours is { } h && h != enrolment.ContractedHoursPerWeek)
            {
                Try(errors, () => enrolment.SetContractedHours(h, actor, at));
            }

            if (priorLearning is { } p && (p * 60 != enrolment.PriorLearningMinutes || (p > 0 && reason != enrolment.PriorLearningReason)))
            {
                Try(errors, () => enrolment.RecordPriorLearning(p, reason, actor, at));
            }

            if (standard is not null && !errors.Has(OffTheJobPlanForm.StandardMinimumField) && minimum != standard.OffTheJobMinimumHours)
            {
                Try(errors, () => standard.SetOffTheJobMinimum(minimum, actor, at));
            }
        }, ct);

    /// <summary>Each domain change is tried on its own, so that every field's refusal is shown at once.</summary>
    private static void Try(FormErrors errors, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException refused)
        {
            errors.Add(refused, FieldFor);
        }
    }

    private static string? FieldFor(string? field) => field switch
    {
        Enrolment.Fields.ContractedHoursPerWeek => OffTheJobPlanForm.ContractedHoursField,
        Enrolment.Fields.PriorLearningMinutes => OffTheJobPlanForm.PriorLearningHoursField,
        Enrolment.Fields.PriorLearningReason => OffTheJobPlanForm.PriorLearningReasonField,
        nameof(Standard.OffTheJobMinimumHours) => OffTheJobPlanForm.StandardMinimumField,
        _ => null,
    };

    private static decimal? ReadDecimal(string? text, string field, string message, FormErrors errors)
    {
        if (decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && decimal.Round(value, 2) == value)
        {
            return value;
        }

        errors.Add(field, message);
        return null;
    }

    private static int? ReadWhole(string? text, string field, string message, FormErrors errors, int? emptyIs)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return emptyIs;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, message);
        return null;
    }
}
