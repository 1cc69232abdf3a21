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

/// <summary>The words for each <see cref="EvidenceStatus"/>: a label, and a phrase for sentences.</summary>
public static class EvidenceStatusNames
{
    /// <summary>The label of a status, for badges, columns and lists: "Draft", "Referred back".</summary>
    public static string DisplayName(this EvidenceStatus status) => status switch
    {
        EvidenceStatus.Draft => "Draft",
        EvidenceStatus.Submitted => "Submitted",
        EvidenceStatus.Accepted => "Accepted",
        EvidenceStatus.ReferredBack => "Referred back",
        _ => status.ToString(),
    };

    /// <summary>
    /// The status as it reads after "is" in a sentence, in lower case: "this item is a draft", "it is referred back".
    /// </summary>
    public static string StatePhrase(this EvidenceStatus status) => status switch
    {
        EvidenceStatus.Draft => "a draft",
        EvidenceStatus.Submitted => "submitted",
        EvidenceStatus.Accepted => "accepted",
        EvidenceStatus.ReferredBack => "referred back",
        _ => status.ToString(),
    };
}
