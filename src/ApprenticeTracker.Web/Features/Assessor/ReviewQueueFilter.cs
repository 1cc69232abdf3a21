using Microsoft.AspNetCore.WebUtilities;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// What the review queue shows of the assessor's waiting items: one apprentice's, one duty's, those waiting at least a
/// number of days. The same in the address (<see cref="Parse"/>, <see cref="Link"/>) whether a form or a circuit set it.
/// </summary>
public sealed record ReviewQueueFilter(Guid? EnrolmentId, Guid? DutyId, int? MinDaysWaiting)
{
    /// <summary>The ages offered, in whole days waiting; anything else in the address is ignored.</summary>
    public static IReadOnlyList<int> Ages { get; } = [7, 14, 28];

    public static ReviewQueueFilter None { get; } = new(null, null, null);

    public bool IsFiltered => EnrolmentId is not null || DutyId is not null || MinDaysWaiting is not null;

    /// <summary>Reads the query string; a value that means nothing is ignored rather than refused.</summary>
    public static ReviewQueueFilter Parse(string? apprentice, string? duty, string? age) => new(
        Guid.TryParse(apprentice, out var enrolment) ? enrolment : null,
        Guid.TryParse(duty, out var dutyId) ? dutyId : null,
        int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Ages.Contains(days) ? days : null);

    public string Link()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (EnrolmentId is { } enrolment)
        {
            query["apprentice"] = enrolment.ToString();
        }

        if (DutyId is { } duty)
        {
            query["duty"] = duty.ToString();
        }

        if (MinDaysWaiting is { } days)
        {
            query["age"] = days.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(AssessorRoutes.Reviews, query);
    }

    /// <summary>The items that match, in the queue's own order.</summary>
    public IReadOnlyList<ReviewQueueItem> Apply(IEnumerable<ReviewQueueItem> items) => items
        .Where(i => EnrolmentId is not { } enrolment || i.EnrolmentId == enrolment)
        .Where(i => DutyId is not { } duty || i.Duties.Any(d => d.Id == duty))
        .Where(i => MinDaysWaiting is not { } days || i.DaysWaiting >= days)
        .ToList();

    public static string AgeLabel(int days) => days % 7 == 0
        ? $"Waiting {days / 7} {(days == 7 ? "week" : "weeks")} or more"
        : $"Waiting {days} days or more";
}
