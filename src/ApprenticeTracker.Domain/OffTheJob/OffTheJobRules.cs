namespace ApprenticeTracker.Domain.OffTheJob;

/// <summary>How a rule set works out an apprentice's planned off-the-job hours.</summary>
public enum OffTheJobPlanBasis
{
    /// <summary>A share of the contracted hours over the planned practical period (starts before 1 Aug 2022: 20 %).</summary>
    ShareOfContractedHours = 1,

    /// <summary>An average number of hours a week over the planned practical period, pro-rated below full time (1 Aug 2022 to 31 Jul 2025).</summary>
    HoursPerWeek = 2,

    /// <summary>A fixed minimum number of hours published for each standard version (from 1 Aug 2025).</summary>
    FixedMinimumPerStandard = 3,
}

/// <summary>
/// One dated set of the funding rules for off-the-job training, chosen by the apprenticeship's start date.
/// </summary>
/// <param name="StartsFrom">The first start date the set applies to (inclusive).</param>
/// <param name="StartsUntil">The last start date it applies to (inclusive); null while it is the current set.</param>
/// <param name="Basis">How the planned hours are worked out.</param>
/// <param name="HoursPerWeek">For <see cref="OffTheJobPlanBasis.HoursPerWeek"/>: the average hours a week at full time.</param>
/// <param name="ShareOfContractedHours">For <see cref="OffTheJobPlanBasis.ShareOfContractedHours"/>: the share (0.2 is 20 %).</param>
/// <param name="FullTimeHoursPerWeek">Contracted hours at or above which no pro-rating applies.</param>
/// <param name="StatutoryLeaveWeeksPerYear">Statutory annual leave taken out of the planned practical period, in weeks a year.</param>
/// <param name="Summary">The rule in a sentence, shown beside the planned hours.</param>
public sealed record OffTheJobRuleSet(
    DateOnly StartsFrom,
    DateOnly? StartsUntil,
    OffTheJobPlanBasis Basis,
    decimal HoursPerWeek,
    decimal ShareOfContractedHours,
    decimal FullTimeHoursPerWeek,
    decimal StatutoryLeaveWeeksPerYear,
    string Summary)
{
    public bool Covers(DateOnly start) => start >= StartsFrom && (StartsUntil is null || start <= StartsUntil);
}

/// <summary>
/// The funding rules for off-the-job training as dated data (ESFA/DfE apprenticeship funding rules). The rule set is
/// chosen by the start date and never changes for an apprentice afterwards.
/// </summary>
public static class OffTheJobRules
{
    /// <summary>Weeks in a year, for turning the 5.6 weeks of statutory leave a year into a share of a period.</summary>
    public const decimal WeeksPerYear = 52m;

    /// <summary>The most minutes one entry may record: 12 hours.</summary>
    public const int MaxMinutesPerEntry = 12 * 60;

    /// <summary>The most minutes one day may hold across entries: 24 hours.</summary>
    public const int MaxMinutesPerDay = 24 * 60;

    /// <summary>The forecast's rate is that of the approved hours of the last 12 weeks.</summary>
    public const int ForecastWindowDays = 12 * 7;

    public static readonly DateOnly Rules2022Start = new(2022, 8, 1);

    public static readonly DateOnly Rules2025Start = new(2025, 8, 1);

    /// <summary>Every rule set, oldest first; together they cover every start date.</summary>
    public static IReadOnlyList<OffTheJobRuleSet> RuleSets { get; } =
    [
        new(DateOnly.MinValue, Rules2022Start.AddDays(-1), OffTheJobPlanBasis.ShareOfContractedHours, 0m, 0.2m, 30m, 5.6m,
            "Starts before 1 Aug 2022: 20 % of contracted hours (counted up to 30 a week) over the planned practical period, less 5.6 weeks' statutory leave a year."),
        new(Rules2022Start, Rules2025Start.AddDays(-1), OffTheJobPlanBasis.HoursPerWeek, 6m, 0m, 30m, 5.6m,
            "Starts from 1 Aug 2022 to 31 Jul 2025: 6 hours a week over the planned practical period, less 5.6 weeks' statutory leave a year, pro-rated when contracted hours are under 30 a week."),
        new(Rules2025Start, null, OffTheJobPlanBasis.FixedMinimumPerStandard, 0m, 0m, 30m, 0m,
            "Starts from 1 Aug 2025: the fixed minimum number of hours published for the standard."),
    ];

    /// <summary>The rule set for an apprenticeship that starts on <paramref name="start"/>.</summary>
    public static OffTheJobRuleSet For(DateOnly start) => RuleSets.First(r => r.Covers(start));

    /// <summary>
    /// The planned off-the-job hours before any reduction for prior learning, in minutes; null when the rule is the
    /// standard's fixed minimum and the standard version has none recorded.
    /// </summary>
    /// <param name="plannedEnd">The planned last day of learning, inclusive.</param>
    /// <param name="contractedHoursPerWeek">The apprentice's contracted hours a week.</param>
    /// <param name="standardMinimumHours">The standard version's published minimum, when it has one.</param>
    public static int? PlannedMinutesBeforePriorLearning(DateOnly start, DateOnly plannedEnd, decimal contractedHoursPerWeek, int? standardMinimumHours)
    {
        var rules = For(start);
        if (rules.Basis == OffTheJobPlanBasis.FixedMinimumPerStandard)
        {
            return standardMinimumHours * 60;
        }

        // The planned practical period, inclusive of both ends, less statutory leave in proportion to its length.
        var weeks = (plannedEnd.DayNumber - start.DayNumber + 1) / 7m;
        var practicalWeeks = weeks * (1 - (rules.StatutoryLeaveWeeksPerYear / WeeksPerYear));
        var counted = Math.Min(contractedHoursPerWeek, rules.FullTimeHoursPerWeek);
        var hoursPerWeek = rules.Basis == OffTheJobPlanBasis.HoursPerWeek
            ? rules.HoursPerWeek * counted / rules.FullTimeHoursPerWeek
            : rules.ShareOfContractedHours * counted;
        return (int)Math.Round(practicalWeeks * hoursPerWeek * 60, MidpointRounding.AwayFromZero);
    }

    /// <summary>Minutes as people read them: "1 h", "1 h 30 min", "45 min".</summary>
    public static string DisplayDuration(int minutes)
    {
        var sign = minutes < 0 ? "−" : string.Empty;
        minutes = Math.Abs(minutes);
        var h = minutes / 60;
        var m = minutes % 60;
        return sign + (h, m) switch
        {
            (0, _) => $"{m} min",
            (_, 0) => $"{h} h",
            _ => $"{h} h {m} min",
        };
    }

    /// <summary>Minutes as hours to one decimal place, for tables and exports: 90 → "1.5".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    internal static string DisplayDate(DateOnly date) => Dates.Display(date);
}
