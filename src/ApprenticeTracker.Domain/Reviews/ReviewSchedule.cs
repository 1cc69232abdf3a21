using ApprenticeTracker.Domain.Enrolments;

namespace ApprenticeTracker.Domain.Reviews;

/// <summary>When an enrolment's next progress review is due, from its status and its last completed review.</summary>
public static class ReviewSchedule
{
    /// <summary>
    /// The last day by which the next review is due; null when none is due: the apprenticeship is withdrawn, completed or
    /// past gateway, or on a break in learning (the clock is paused, <see cref="ProgressReviewRules.NextDue"/>).
    /// </summary>
    /// <param name="lastHeldOn">The day of the last completed review (all three signed); null before the first.</param>
    /// <param name="agreed">The interval agreed at that review, if any.</param>
    /// <remarks>
    /// Only the current break in learning is known to the record (the enrolment's status); earlier breaks, already over,
    /// do not move the date.
    /// </remarks>
    public static DateOnly? NextDue(DateOnly start, EnrolmentStatus status, DateOnly? lastHeldOn, AgreedReviewInterval? agreed) =>
        status switch
        {
            EnrolmentStatus.Active => ProgressReviewRules.NextDue(start, lastHeldOn, agreed, []),
            _ => null,
        };

    /// <summary>How many days the review is overdue on <paramref name="today"/>: 0 until the day after it was due.</summary>
    public static int OverdueDays(DateOnly? due, DateOnly today) =>
        due is { } d && today > d ? today.DayNumber - d.DayNumber : 0;

    /// <summary>True when a review is due within <paramref name="days"/> days of today but not yet overdue.</summary>
    public static bool DueWithin(DateOnly? due, DateOnly today, int days) =>
        due is { } d && today <= d && d.DayNumber - today.DayNumber <= days;
}
