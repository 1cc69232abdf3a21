using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>One enrolment as its provider sees it: details, progress by duty, the gateway checklist and what can change.</summary>
public sealed record EnrolmentDetails(
    Guid Id,
    string ApprenticeName,
    string Email,
    string? Uln,
    string Standard,
    string Employer,
    string? Cohort,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    DateOnly MinimumDurationMetOn,
    decimal ContractedHoursPerWeek,
    int PriorLearningMinutes,
    EnrolmentStatus Status,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<StatusAction> Actions,
    EnrolmentProgress Progress,
    IReadOnlyList<(DutyRef Duty, DutyCell Cell)> Duties,
    GatewayReadiness Readiness,
    IReadOnlyList<Choice> Assessors,
    IReadOnlyList<Choice> AssignableAssessors,
    IReadOnlyList<(string Key, string Label)> UnconfirmedRequirements);

/// <summary>A change of status the provider may make now, with whether it needs a reason.</summary>
public sealed record StatusAction(string Key, string Label, bool NeedsReason);

/// <summary>The form that changes an enrolment's status.</summary>
public sealed class StatusForm
{
    /// <summary>The key of one of <see cref="EnrolmentQuery.StatusActionsOf"/>.</summary>
    public string? Action { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The form that assigns an assessor, or (with <see cref="UnassignId"/>) ends an assignment.</summary>
public sealed class AssessorForm
{
    public Guid? AssessorId { get; set; }

    public Guid? UnassignId { get; set; }
}

/// <summary>The form that confirms a gateway requirement.</summary>
public sealed class GatewayForm
{
    public string? Key { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// What an enrolment's planned off-the-job hours rest on, as its provider sets them: the contracted hours, the
/// reduction for recognised prior learning and, where the rules ask for it, the standard version's minimum.
/// </summary>
public sealed record OffTheJobPlanDetails(
    Guid Id,
    string ApprenticeName,
    string StandardReference,
    EnrolmentStatus Status,
    OffTheJobPlan Plan,
    string? StandardMinimumSource,
    string? PriorLearningReason)
{
    /// <summary>Whether the rules of this start date ask for the standard's published minimum.</summary>
    public bool AsksForStandardMinimum => Plan.Rules.Basis == OffTheJobPlanBasis.FixedMinimumPerStandard;
}

/// <summary>The form that sets an enrolment's off-the-job plan; the numbers are read as typed, so a typo is refused at its field.</summary>
public sealed class OffTheJobPlanForm
{
    public const string ContractedHoursField = "ContractedHoursPerWeek";
    public const string PriorLearningHoursField = "PriorLearningHours";
    public const string PriorLearningReasonField = "PriorLearningReason";
    public const string StandardMinimumField = "StandardMinimumHours";

    public string? ContractedHoursPerWeek { get; set; }

    public string? PriorLearningHours { get; set; }

    public string? PriorLearningReason { get; set; }

    /// <summary>Read only where the rules of the start date ask for the standard's minimum.</summary>
    public string? StandardMinimumHours { get; set; }

    public static OffTheJobPlanForm From(OffTheJobPlanDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new()
        {
            ContractedHoursPerWeek = details.Plan.ContractedHoursPerWeek.ToString("0.##", CultureInfo.InvariantCulture),
            PriorLearningHours = (details.Plan.PriorLearningMinutes / 60).ToString(CultureInfo.InvariantCulture),
            PriorLearningReason = details.PriorLearningReason,
            StandardMinimumHours = details.Plan.StandardMinimumHours?.ToString(CultureInfo.InvariantCulture),
        };
    }
}
