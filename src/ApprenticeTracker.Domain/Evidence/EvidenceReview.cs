namespace ApprenticeTracker.Domain.Evidence;

/// <summary>What an assessor decided about a submission.</summary>
public enum ReviewDecision
{
    Accepted = 1,
    ReferredBack = 2,
}

/// <summary>One assessor decision on an evidence item, with its feedback. The history of reviews is kept in full.</summary>
public sealed class EvidenceReview : Entity
{
    public const int FeedbackMaxLength = 4000;

    private EvidenceReview()
    {
        AssessorName = string.Empty;
    }

    internal EvidenceReview(Guid evidenceItemId, ReviewDecision decision, string? feedback, Guid assessorId, string assessorName, DateTimeOffset at)
        : base(Guid.NewGuid())
    {
        EvidenceItemId = evidenceItemId;
        Decision = decision;
        Feedback = feedback;
        AssessorId = assessorId;
        AssessorName = assessorName;
        ReviewedAt = at;
    }

    public Guid EvidenceItemId { get; private set; }

    public ReviewDecision Decision { get; private set; }

    /// <summary>Required when referring back; optional on acceptance.</summary>
    public string? Feedback { get; private set; }

    public Guid AssessorId { get; private set; }

    /// <summary>The assessor's name at the time of the decision.</summary>
    public string AssessorName { get; private set; }

    public DateTimeOffset ReviewedAt { get; private set; }
}

/// <summary>Maps an evidence item to a duty of its enrolment's standard version.</summary>
public sealed class EvidenceDuty
{
    private EvidenceDuty()
    {
    }

    internal EvidenceDuty(Guid evidenceItemId, Guid dutyId)
    {
        EvidenceItemId = evidenceItemId;
        DutyId = dutyId;
    }

    public Guid EvidenceItemId { get; private set; }

    public Guid DutyId { get; private set; }
}

/// <summary>Maps an evidence item to a KSB of its enrolment's standard version.</summary>
public sealed class EvidenceKsb
{
    private EvidenceKsb()
    {
    }

    internal EvidenceKsb(Guid evidenceItemId, Guid ksbId)
    {
        EvidenceItemId = evidenceItemId;
        KsbId = ksbId;
    }

    public Guid EvidenceItemId { get; private set; }

    public Guid KsbId { get; private set; }
}
