namespace ApprenticeTracker.Domain.Evidence;

/// <summary>
/// Where an evidence item is in its lifecycle: draft → submitted → accepted, or referred back with feedback and then
/// resubmitted (submitted again).
/// </summary>
public enum EvidenceStatus
{
    /// <summary>Being written by the apprentice; only they see it.</summary>
    Draft = 1,

    /// <summary>Waiting for an assessor's review.</summary>
    Submitted = 2,

    /// <summary>Judged valid, authentic, current and sufficient; locked.</summary>
    Accepted = 3,

    /// <summary>Returned to the apprentice with feedback, to change and resubmit.</summary>
    ReferredBack = 4,
}

/// <summary>Display names of <see cref="EvidenceStatus"/>.</summary>
public static class EvidenceStatusNames
{
    public static string DisplayName(this EvidenceStatus status) => status switch
    {
        EvidenceStatus.Draft => "Draft",
        EvidenceStatus.Submitted => "Submitted",
        EvidenceStatus.Accepted => "Accepted",
        EvidenceStatus.ReferredBack => "Referred back",
        _ => status.ToString(),
    };
}
