namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>Funding rules that depend on when an apprenticeship started.</summary>
public static class FundingRules
{
    /// <summary>Starts on or after this date follow the 2025 rules (minimum duration 8 months, fixed off-the-job hours).</summary>
    public static readonly DateOnly Rules2025Start = new(2025, 8, 1);

    /// <summary>Minimum duration of an apprenticeship, in months: 12 for starts before 1 Aug 2025, 8 from then.</summary>
    public static int MinimumDurationMonths(DateOnly startDate) => startDate < Rules2025Start ? 12 : 8;
}
