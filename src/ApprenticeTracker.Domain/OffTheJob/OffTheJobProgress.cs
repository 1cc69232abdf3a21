namespace ApprenticeTracker.Domain.OffTheJob;

/// <summary>The figures of one entry that progress needs.</summary>
public sealed record OffTheJobFigure(DateOnly ActivityDate, int Minutes, OffTheJobEntryStatus Status);

/// <summary>One week of the planned-versus-approved chart: cumulative minutes at the week's last day.</summary>
/// <param name="Approved">Null for weeks that start after today.</param>
public sealed record OffTheJobWeek(int Number, DateOnly EndsOn, int Planned, int? Approved);

/// <summary>When the plan will be met at the rate of the last 12 weeks.</summary>
/// <param name="MetOn">The forecast date; null when the plan is already met, or nothing was approved in the last 12 weeks.</param>
/// <param name="MinutesPerWeek">The approved minutes a week over the last 12 weeks.</param>
/// <param name="AlreadyMet">The approved hours already reach the plan.</param>
public sealed record OffTheJobForecast(DateOnly? MetOn, int MinutesPerWeek, bool AlreadyMet, DateOnly PlannedEndDate)
{
    /// <summary>The forecast date is on or before the planned end.</summary>
    public bool OnTime => AlreadyMet || (MetOn is { } on && on <= PlannedEndDate);
}

/// <summary>
/// An apprentice's off-the-job training against the plan: planned, approved, waiting and planned-to-date hours, the
/// forecast, and the weekly series of the chart. Computed from the plan and the entries, never stored.
/// </summary>
public sealed class OffTheJobProgress
{
    private OffTheJobProgress(OffTheJobPlan plan, DateOnly today)
    {
        Plan = plan;
        Today = today;
    }

    public OffTheJobPlan Plan { get; }

    public DateOnly Today { get; }

    public int? PlannedMinutes => Plan.PlannedMinutes;

    public int ApprovedMinutes { get; private init; }

    public int WaitingMinutes { get; private init; }

    public int QueriedMinutes { get; private init; }

    public int PlannedToDateMinutes => Plan.PlannedToDateMinutes(Today);

    public decimal Shortfall => Plan.Shortfall(ApprovedMinutes, Today);

    /// <summary>The approved hours reach the planned hours (false while these are unknown).</summary>
    public bool IsComplete => PlannedMinutes is { } planned && ApprovedMinutes >= planned;

    public OffTheJobForecast? Forecast { get; private init; }

    public IReadOnlyList<OffTheJobWeek> Weeks { get; private init; } = [];

    public static OffTheJobProgress Compute(OffTheJobPlan plan, IEnumerable<OffTheJobFigure> entries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var approved = list.Where(e => e.Status == OffTheJobEntryStatus.Approved).ToList();
        var approvedMinutes = approved.Sum(e => e.Minutes);
        return new OffTheJobProgress(plan, today)
        {
            ApprovedMinutes = approvedMinutes,
            WaitingMinutes = list.Where(e => e.Status == OffTheJobEntryStatus.Waiting).Sum(e => e.Minutes),
            QueriedMinutes = list.Where(e => e.Status == OffTheJobEntryStatus.Queried).Sum(e => e.Minutes),
            Forecast = ForecastOf(plan, approved, approvedMinutes, today),
            Weeks = WeeksOf(plan, approved, today),
        };
    }

    private static OffTheJobForecast? ForecastOf(OffTheJobPlan plan, List<OffTheJobFigure> approved, int approvedMinutes, DateOnly today)
    {
        if (plan.PlannedMinutes is not { } planned)
        {
            return null;
        }

        // The window is the 84 days ending today, today included.
        var from = today.AddDays(1 - OffTheJobRules.ForecastWindowDays);
        var recent = approved.Where(e => e.ActivityDate >= from && e.ActivityDate <= today).Sum(e => e.Minutes);
        var perWeek = (int)Math.Round(recent * 7m / OffTheJobRules.ForecastWindowDays, MidpointRounding.AwayFromZero);
        var remaining = planned - approvedMinutes;
        if (remaining <= 0)
        {
            return new OffTheJobForecast(null, perWeek, true, plan.PlannedEndDate);
        }

        if (recent == 0)
        {
            return new OffTheJobForecast(null, 0, false, plan.PlannedEndDate);
        }

        var days = (int)Math.Ceiling(remaining * (decimal)OffTheJobRules.ForecastWindowDays / recent);
        return new OffTheJobForecast(today.AddDays(days), perWeek, false, plan.PlannedEndDate);
    }

    private static List<OffTheJobWeek> WeeksOf(OffTheJobPlan plan, List<OffTheJobFigure> approved, DateOnly today)
    {
        var last = plan.GatewayOn is { } gateway && gateway < plan.PlannedEndDate ? gateway : plan.PlannedEndDate;
        var ordered = approved.OrderBy(e => e.ActivityDate).ToList();
        var weeks = new List<OffTheJobWeek>();
        var index = 0;
        var cumulative = 0;
        for (var number = 1; ; number++)
        {
            var endsOn = plan.StartDate.AddDays((7 * number) - 1);
            if (endsOn > last)
            {
                endsOn = last;
            }

            while (index < ordered.Count && ordered[index].ActivityDate <= endsOn)
            {
                cumulative += ordered[index++].Minutes;
            }

            weeks.Add(new OffTheJobWeek(number, endsOn, plan.PlannedToDateMinutes(endsOn), endsOn.AddDays(-6) <= today ? cumulative : null));
            if (endsOn >= last)
            {
                return weeks;
            }
        }
    }
}
