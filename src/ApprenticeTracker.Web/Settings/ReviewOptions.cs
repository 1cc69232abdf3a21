using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Reviews;

namespace ApprenticeTracker.Web.Settings;

/// <summary>
/// When a progress review counts as needing attention (section <c>Reviews</c> of the configuration): red once it is
/// more than <see cref="RedAfterDaysOverdue"/> days overdue, amber when it is due within <see cref="AmberDueWithinDays"/>
/// days. Read by the caseload's red/amber/green rule and the home pages' list of reviews due; checked at start-up.
/// </summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Reviews";

    public const int MaxAmberDueWithinDays = 90;

    public int AmberDueWithinDays { get; set; } = 14;

    /// <summary>0: red from the first day after the due date.</summary>
    public int RedAfterDaysOverdue { get; set; }

    public bool IsValid => AmberDueWithinDays is > 0 and <= MaxAmberDueWithinDays && RedAfterDaysOverdue is >= 0 and <= MaxAmberDueWithinDays;

    public bool IsRed(ReviewDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return due.OverdueDays > RedAfterDaysOverdue;
    }

    /// <summary>Amber: due within the window, or overdue but not yet by more than <see cref="RedAfterDaysOverdue"/> days.</summary>
    public bool IsAmber(ReviewDue due, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(due);
        return !IsRed(due) && (due.IsOverdue || ReviewSchedule.DueWithin(due.NextDue, today, AmberDueWithinDays));
    }

    public string RedRule => RedAfterDaysOverdue == 0
        ? "a progress review overdue"
        : string.Create(CultureInfo.InvariantCulture, $"a progress review more than {RedAfterDaysOverdue} days overdue");

    public string AmberRule => string.Create(CultureInfo.InvariantCulture, $"a progress review due within {AmberDueWithinDays} days");
}
