namespace ApprenticeTracker.Persistence.ReadModels;

/// <summary>
/// The cohort dashboard's figures for one group of enrolments: those of one training provider, cohort, employer,
/// status and standard version (and, on an assessor's rows, currently assigned to that assessor). Kept by the
/// database's triggers (migration <c>DashboardCounts</c>) from the enrolments, their current assessor assignments,
/// <see cref="DutyEvidenceCount"/> and the sign-offs, in the same transaction as the change, so that the dashboard's
/// duty-coverage chart sums a few hundred rows whatever the size of the provider's roll. A row whose figures all fall
/// to zero is removed.
/// </summary>
/// <remarks>
/// Two kinds of row share the table. The row with <see cref="DutyId"/> <see cref="Guid.Empty"/> counts the group's
/// <see cref="Enrolments"/>; a duty's row counts the group's enrolments with evidence of the duty
/// (<see cref="WithEvidence"/>), with accepted evidence of it (<see cref="WithAccepted"/>) and its active sign-offs
/// (<see cref="SignedOff"/>). Rows with <see cref="AssessorId"/> <see cref="Guid.Empty"/> count every enrolment once;
/// an assessor's rows count the enrolments currently assigned to them, so an enrolment with two current assessors is in
/// both assessors' rows but once in the rows of no assessor. An enrolment without a cohort has <see cref="CohortId"/>
/// <see cref="Guid.Empty"/>. Read-only for the application: <see cref="AppDbContext"/> refuses to write it.
/// </remarks>
public sealed class DashboardCount
{
    private DashboardCount()
    {
    }

    public Guid TrainingProviderId { get; private set; }

    /// <summary>The current assessor the row counts the enrolments of, or <see cref="Guid.Empty"/> for every enrolment.</summary>
    public Guid AssessorId { get; private set; }

    /// <summary>The enrolments' cohort, or <see cref="Guid.Empty"/> for enrolments in no cohort.</summary>
    public Guid CohortId { get; private set; }

    public Guid EmployerId { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public Guid StandardId { get; private set; }

    /// <summary>The duty the row counts, or <see cref="Guid.Empty"/> on the row that counts the enrolments.</summary>
    public Guid DutyId { get; private set; }

    /// <summary>Enrolments in the group (on the row without a duty; zero on a duty's row).</summary>
    public int Enrolments { get; private set; }

    /// <summary>Enrolments with submitted, accepted or referred-back evidence mapped to the duty.</summary>
    public int WithEvidence { get; private set; }

    /// <summary>Enrolments with accepted evidence mapped to the duty.</summary>
    public int WithAccepted { get; private set; }

    /// <summary>Active (not revoked) sign-offs of the duty.</summary>
    public int SignedOff { get; private set; }
}
