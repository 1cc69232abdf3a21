namespace ApprenticeTracker.Persistence.ReadModels;

/// <summary>
/// How many evidence items of one enrolment, by status, are mapped to one duty: a summary the database keeps itself,
/// with triggers on <c>EvidenceItems</c> and <c>EvidenceDuties</c> (migration <c>DutyEvidenceCounts</c>), so that no
/// code path can forget to update it and it always agrees with the evidence in the same transaction. Drafts are not
/// counted; a row whose counts all fall to zero is removed.
/// </summary>
/// <remarks>
/// Read-only for the application: <see cref="AppDbContext"/> refuses to save an added, changed or deleted row. The
/// cohort dashboard reads it instead of grouping every evidence-to-duty link of an organisation on each request.
/// </remarks>
public sealed class DutyEvidenceCount
{
    private DutyEvidenceCount()
    {
    }

    public Guid EnrolmentId { get; private set; }

    public Guid DutyId { get; private set; }

    /// <summary>Items waiting for review.</summary>
    public int Submitted { get; private set; }

    /// <summary>Items an assessor accepted.</summary>
    public int Accepted { get; private set; }

    /// <summary>Items referred back to the apprentice.</summary>
    public int ReferredBack { get; private set; }
}
