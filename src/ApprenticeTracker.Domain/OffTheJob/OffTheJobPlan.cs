using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.OffTheJob;

/// <summary>
/// What an enrolment's planned off-the-job hours are worked out from, and the figures that follow from it alone.
/// Computed, never stored.
/// </summary>
/// <param name="GatewayOn">The day the apprentice passed gateway; nothing is planned or counted after it.</param>
/// <param name="StandardMinimumHours">The standard version's published minimum, when it has one.</param>
/// <param name="PriorLearningMinutes">The reduction for recognised prior learning.</param>
public sealed record OffTheJobPlan(
    DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? GatewayOn, decimal ContractedHoursPerWeek, int? StandardMinimumHours, int PriorLearningMinutes)
{
    public static OffTheJobPlan Of(Enrolment enrolment, Standard standard)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(standard);
        return new(enrolment.StartDate, enrolment.PlannedEndDate, enrolment.GatewayPassedOn, enrolment.ContractedHoursPerWeek,
            standard.OffTheJobMinimumHours, enrolment.PriorLearningMinutes);
    }

    public OffTheJobRuleSet Rules => OffTheJobRules.For(StartDate);

    /// <summary>The hours the rule gives before prior learning, in minutes; null when the standard's minimum is not recorded.</summary>
    public int? PlannedMinutesBeforePriorLearning =>
        OffTheJobRules.PlannedMinutesBeforePriorLearning(StartDate, PlannedEndDate, ContractedHoursPerWeek, StandardMinimumHours);

    /// <summary>The planned hours, in minutes, less prior learning (never below zero); null when they cannot be known.</summary>
    public int? PlannedMinutes => PlannedMinutesBeforePriorLearning is { } before ? Math.Max(0, before - PriorLearningMinutes) : null;

    /// <summary>
    /// The planned hours spread evenly over the days from the start to the planned end (both inclusive), up to and
    /// including <paramref name="day"/>; the plan stops growing at gateway.
    /// </summary>
    public int PlannedToDateMinutes(DateOnly day)
    {
        if (PlannedMinutes is not { } planned || day < StartDate)
        {
            return 0;
        }

        if (GatewayOn is { } gateway && day > gateway)
        {
            day = gateway;
        }

        var total = PlannedEndDate.DayNumber - StartDate.DayNumber + 1;
        var elapsed = Math.Min(total, day.DayNumber - StartDate.DayNumber + 1);
        return (int)Math.Round((decimal)planned * elapsed / total, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// How far the approved hours are behind the hours planned to date, as a share of the latter: 0.15 is 15 % behind;
    /// 0 when on or ahead of plan, or when nothing is planned yet.
    /// </summary>
    public decimal Shortfall(int approvedMinutes, DateOnly today)
    {
        var due = PlannedToDateMinutes(today);
        return due <= 0 || approvedMinutes >= due ? 0m : (decimal)(due - approvedMinutes) / due;
    }
}
