namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>A period during which an assessor is assigned to an enrolment. Ended assignments are kept as history.</summary>
public sealed class AssessorAssignment : Entity
{
    private AssessorAssignment()
    {
    }

    internal AssessorAssignment(Guid enrolmentId, Guid assessorId, DateTimeOffset assignedAt)
        : base(Guid.NewGuid())
    {
        EnrolmentId = enrolmentId;
        AssessorId = assessorId;
        AssignedAt = assignedAt;
    }

    public Guid EnrolmentId { get; private set; }

    public Guid AssessorId { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>When the assignment ended; null while the assessor is assigned.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsCurrent => EndedAt is null;

    internal void End(DateTimeOffset at) => EndedAt = at;
}
