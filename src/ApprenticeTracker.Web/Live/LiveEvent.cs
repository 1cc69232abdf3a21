namespace ApprenticeTracker.Web.Live;

/// <summary>What happened, for the live parts of pages.</summary>
public enum LiveEventKind
{
    /// <summary>An apprentice submitted or resubmitted an evidence item for review.</summary>
    EvidenceSubmitted,

    /// <summary>An assessor accepted an evidence item or referred it back.</summary>
    EvidenceReviewed,

    /// <summary>An assessor signed off a duty or revoked a sign-off.</summary>
    DutySignOffChanged,

    /// <summary>The witness named on a testimony confirmed or declined it.</summary>
    WitnessAnswered,
}

/// <summary>
/// A change that pages showing it may want to show at once. It carries ids only, never names or text: whoever receives
/// it reads what they may see through their own scoped queries, so an event can never show anyone more than a page load
/// would.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="EnrolmentId">The enrolment it happened in.</param>
/// <param name="EvidenceId">The evidence item, for the evidence events; null for a sign-off.</param>
public sealed record LiveEvent(LiveEventKind Kind, Guid EnrolmentId, Guid? EvidenceId)
{
    public static LiveEvent Submitted(Guid enrolmentId, Guid evidenceId) => new(LiveEventKind.EvidenceSubmitted, enrolmentId, evidenceId);

    public static LiveEvent Reviewed(Guid enrolmentId, Guid evidenceId) => new(LiveEventKind.EvidenceReviewed, enrolmentId, evidenceId);

    public static LiveEvent WitnessAnswered(Guid enrolmentId, Guid evidenceId) => new(LiveEventKind.WitnessAnswered, enrolmentId, evidenceId);

    public static LiveEvent SignOffChanged(Guid enrolmentId) => new(LiveEventKind.DutySignOffChanged, enrolmentId, null);
}
