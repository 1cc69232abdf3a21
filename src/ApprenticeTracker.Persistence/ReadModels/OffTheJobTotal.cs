namespace ApprenticeTracker.Persistence.ReadModels;

/// <summary>
/// An enrolment's off-the-job minutes by status: a running total the database keeps itself, with triggers on
/// <c>OffTheJobEntries</c> (migration <c>OffTheJobTraining</c>, SQL in <c>Migrations/OffTheJobTotalsSql</c>), so that
/// the caseload and the cohort dashboard read one row per apprentice instead of summing a hundred entries each. A row
/// whose totals all fall to zero is removed.
/// </summary>
/// <remarks>Read-only for the application: <see cref="AppDbContext"/> refuses to save an added, changed or deleted row.</remarks>
public sealed class OffTheJobTotal
{
    private OffTheJobTotal()
    {
    }

    public Guid EnrolmentId { get; private set; }

    /// <summary>Minutes of approved entries: what counts towards the plan.</summary>
    public int ApprovedMinutes { get; private set; }

    /// <summary>Minutes of entries waiting for approval.</summary>
    public int WaitingMinutes { get; private set; }

    /// <summary>Minutes of queried entries, waiting for the apprentice to amend them.</summary>
    public int QueriedMinutes { get; private set; }
}
