namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>Where an apprentice is on their programme.</summary>
public enum EnrolmentStatus
{
    /// <summary>In learning.</summary>
    Active = 1,

    /// <summary>Paused by agreement (for example illness or parental leave); returns to learning later.</summary>
    BreakInLearning = 2,

    /// <summary>Left the programme; final.</summary>
    Withdrawn = 3,

    /// <summary>Passed gateway: confirmed ready for end-point assessment.</summary>
    Gateway = 4,

    /// <summary>Completed the apprenticeship; final.</summary>
    Completed = 5,
}

/// <summary>The words for each <see cref="EnrolmentStatus"/>: a label, and a phrase for sentences.</summary>
public static class EnrolmentStatusNames
{
    /// <summary>The label of a status, for badges, columns and lists: "Break in learning", "Gateway".</summary>
    public static string DisplayName(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "Active",
        EnrolmentStatus.BreakInLearning => "Break in learning",
        EnrolmentStatus.Withdrawn => "Withdrawn",
        EnrolmentStatus.Gateway => "Gateway",
        EnrolmentStatus.Completed => "Completed",
        _ => status.ToString(),
    };

    /// <summary>
    /// The label of an enrolment's status on a given day: "Not started" for an active enrolment whose start date is
    /// still to come, otherwise <see cref="DisplayName(EnrolmentStatus)"/>. An enrolment is recorded before its first
    /// day, but nobody is in learning until then.
    /// </summary>
    public static string DisplayName(this EnrolmentStatus status, DateOnly startDate, DateOnly today) =>
        status.IsBeforeStart(startDate, today) ? "Not started" : status.DisplayName();

    /// <summary>
    /// The status as it reads after "is" in a sentence, in lower case: "the apprenticeship is on a break in learning",
    /// "it is at gateway", "it is withdrawn". Messages use this rather than the label, which is not always a state
    /// ("it is break in learning").
    /// </summary>
    public static string StatePhrase(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "active",
        EnrolmentStatus.BreakInLearning => "on a break in learning",
        EnrolmentStatus.Withdrawn => "withdrawn",
        EnrolmentStatus.Gateway => "at gateway",
        EnrolmentStatus.Completed => "completed",
        _ => status.ToString(),
    };
}

/// <summary>
/// What an enrolment allows in each <see cref="EnrolmentStatus"/>. <see cref="Enrolment"/> enforces these rules; pages ask
/// the same questions so that they offer only what the domain would accept.
/// </summary>
public static class EnrolmentStatusRules
{
    /// <summary>
    /// Withdrawn and completed are final: the record is closed, so nothing more is reviewed, signed off, revoked or
    /// confirmed on it. These are exactly the statuses with no allowed next status.
    /// </summary>
    /// <summary>
    /// Whether the apprentice has passed gateway and not returned from it: at gateway, or completed (which follows
    /// gateway only). A withdrawal may come before or after gateway, so it does not say.
    /// </summary>
    public static bool IsPastGateway(this EnrolmentStatus status) => status is EnrolmentStatus.Gateway or EnrolmentStatus.Completed;

    public static bool IsFinal(this EnrolmentStatus status) => status is EnrolmentStatus.Withdrawn or EnrolmentStatus.Completed;

    /// <summary>
    /// The apprentice logs and changes evidence (drafts, edits, files, submissions, revisions) only while in learning:
    /// not during a break, nor at gateway, nor once the record is closed. Discarding their own draft is always allowed.
    /// </summary>
    public static bool AcceptsEvidence(this EnrolmentStatus status) => status == EnrolmentStatus.Active;

    /// <summary>
    /// Active but not yet begun: the start date is after <paramref name="today"/>. Such an apprentice is not in learning
    /// yet: they log no evidence, and the caseload does not count them as quiet.
    /// </summary>
    public static bool IsBeforeStart(this EnrolmentStatus status, DateOnly startDate, DateOnly today) =>
        status == EnrolmentStatus.Active && startDate > today;

    /// <summary>Duties are signed off only while the apprentice is in learning.</summary>
    public static bool AllowsSignOff(this EnrolmentStatus status) => status == EnrolmentStatus.Active;

    /// <summary>
    /// Assessors are assigned and unassigned while the record is open, a break in learning and gateway included; a
    /// closed record keeps the assessors it had.
    /// </summary>
    public static bool AllowsAssessorChanges(this EnrolmentStatus status) => !status.IsFinal();
}
