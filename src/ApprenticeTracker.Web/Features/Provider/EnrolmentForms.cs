using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>One enrolment as its provider sees it: details, progress by duty, the gateway checklist and what can change.</summary>
public sealed record EnrolmentDetails(
    Guid Id,
    string ApprenticeName,
    string Email,
    string Standard,
    string Employer,
    string? Cohort,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    DateOnly MinimumDurationMetOn,
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
