namespace ApprenticeTracker.Domain.Reviews;

/// <summary>How a rule set counts the longest time allowed from one progress review to the next.</summary>
public enum ReviewIntervalBasis
{
    /// <summary>A number of weeks after the day of the last review (or the start).</summary>
    Weeks = 1,

    /// <summary>
    /// To the end of the n-th calendar month after the month of the last review (or the start): a review on 1 Aug 2025
    /// with n = 3 makes the next due by 30 Nov 2025.
    /// </summary>
    CalendarMonthsToMonthEnd = 2,
}

/// <summary>One dated set of the funding rules for progress reviews, chosen by the apprenticeship's start date.</summary>
/// <param name="StartsFrom">The first start date the set applies to (inclusive).</param>
/// <param name="StartsUntil">The last start date it applies to (inclusive); null while it is the current set.</param>
/// <param name="Basis">How the interval is counted.</param>
/// <param name="Length">The number of weeks or calendar months.</param>
/// <param name="Summary">The rule in a sentence, shown beside the due date.</param>
public sealed record ProgressReviewRuleSet(DateOnly StartsFrom, DateOnly? StartsUntil, ReviewIntervalBasis Basis, int Length, string Summary)
{
    public bool Covers(DateOnly start) => start >= StartsFrom && (StartsUntil is null || start <= StartsUntil);

    /// <summary>The last day by which the next review is due, counted from <paramref name="from"/>, with no break in learning.</summary>
    public DateOnly DueAfter(DateOnly from) => Basis switch
    {
        ReviewIntervalBasis.Weeks => from.AddDays(7 * Length),
        ReviewIntervalBasis.CalendarMonthsToMonthEnd => new DateOnly(from.Year, from.Month, 1).AddMonths(Length + 1).AddDays(-1),
        _ => throw new InvalidOperationException($"Unknown basis {Basis}."),
    };
}

/// <summary>
/// An interval agreed with the employer instead of the funding rules' one, which the rules allow where there is an
/// evidenced delivery reason; the reason is recorded with it.
/// </summary>
public sealed record AgreedReviewInterval
{
    public const int MinWeeks = 1;
    public const int MaxWeeks = 26;
    public const int ReasonMaxLength = 1000;

    /// <summary>The names by which a <see cref="Refusal"/> of an agreed interval names the input it concerns.</summary>
    public static class Fields
    {
        public const string Weeks = "AgreedWeeks";
        public const string Reason = "AgreedReason";
    }

    private AgreedReviewInterval(int weeks, string reason)
    {
        Weeks = weeks;
        Reason = reason;
    }

    public int Weeks { get; }

    public string Reason { get; }

    /// <exception cref="DomainException">The weeks are out of range or the reason is missing; both at once.</exception>
    public static AgreedReviewInterval Of(int? weeks, string? reason)
    {
        var refusals = new Refusals();
        if (weeks is not (>= MinWeeks and <= MaxWeeks))
        {
            refusals.Add(Fields.Weeks, $"Enter the agreed interval as a whole number of weeks from {MinWeeks} to {MaxWeeks}.");
        }

        var text = refusals.Collect(() => Check.Text(reason, ReasonMaxLength, "reason for the agreed interval", Fields.Reason));
        refusals.ThrowIfAny();
        return new AgreedReviewInterval(weeks!.Value, text!);
    }

    /// <summary>The last day by which the next review is due, counted from <paramref name="from"/>, with no break in learning.</summary>
    public DateOnly DueAfter(DateOnly from) => from.AddDays(7 * Weeks);
}

/// <summary>A break in learning: from its first day until the day learning resumed (null while it lasts).</summary>
public sealed record LearningBreak(DateOnly From, DateOnly? ResumedOn);

/// <summary>
/// The funding rules for progress reviews as dated data (DfE apprenticeship funding rules): a review between provider,
/// employer and apprentice at least at the set interval. The first is due counted from the start date, each next one
/// from the last review; a break in learning pauses the clock for its length.
/// </summary>
public static class ProgressReviewRules
{
    public static readonly DateOnly Rules2022Start = new(2022, 8, 1);

    public static readonly DateOnly Rules2025Start = new(2025, 8, 1);

    /// <summary>Every rule set, oldest first; together they cover every start date.</summary>
    public static IReadOnlyList<ProgressReviewRuleSet> RuleSets { get; } =
    [
        // Earlier funding rules asked for regular reviews without this wording; the 2022 interval is applied to them
        // as the nearest published figure (a provider may agree another).
        new(DateOnly.MinValue, Rules2022Start.AddDays(-1), ReviewIntervalBasis.Weeks, 12,
            "Starts before 1 Aug 2022: at least every 12 weeks (the interval of the 2022 rules)."),
        new(Rules2022Start, Rules2025Start.AddDays(-1), ReviewIntervalBasis.Weeks, 12,
            "Starts from 1 Aug 2022 to 31 Jul 2025: at least every 12 weeks."),
        new(Rules2025Start, null, ReviewIntervalBasis.CalendarMonthsToMonthEnd, 3,
            "Starts from 1 Aug 2025: at least every 3 calendar months, by the end of the third calendar month after the month of the last review."),
    ];

    /// <summary>The rule set for an apprenticeship that starts on <paramref name="start"/>.</summary>
    public static ProgressReviewRuleSet For(DateOnly start) => RuleSets.First(r => r.Covers(start));

    /// <summary>
    /// The last day by which the next review is due; null while a break in learning lasts (the clock is paused).
    /// </summary>
    /// <param name="start">The apprenticeship's start date: it chooses the rule set, and the first review counts from it.</param>
    /// <param name="lastReviewOn">The day of the last completed review; null before the first.</param>
    /// <param name="agreed">An interval agreed with the employer, which replaces the rule set's; null for none.</param>
    /// <param name="breaks">The breaks in learning. Each day of a break between the counting day and the due date moves
    /// the due date one day later, and a break that the moved date reaches moves it further.</param>
    public static DateOnly? NextDue(DateOnly start, DateOnly? lastReviewOn, AgreedReviewInterval? agreed, IEnumerable<LearningBreak> breaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        var from = lastReviewOn ?? start;
        var due = agreed?.DueAfter(from) ?? For(start).DueAfter(from);
        foreach (var pause in breaks.OrderBy(b => b.From))
        {
            // Only days after the counting day and up to the due date are in the interval.
            if (pause.ResumedOn is { } resumed && resumed <= from.AddDays(1))
            {
                continue;
            }

            if (pause.From > due)
            {
                break;
            }

            if (pause.ResumedOn is not { } resumedOn)
            {
                return null;
            }

            var first = pause.From > from ? pause.From : from.AddDays(1);
            due = due.AddDays(resumedOn.DayNumber - first.DayNumber);
        }

        return due;
    }
}
