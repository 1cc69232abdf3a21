namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// The thresholds of the caseload's red, amber and green status (section <c>Assessor</c> of the configuration). The
/// rule shown on the caseload page is written from these figures, so the page and the rule it describes cannot drift.
/// </summary>
public sealed class AssessorOptions
{
    public const string SectionName = "Assessor";

    /// <summary>Red when an active apprentice has submitted nothing for this many weeks.</summary>
    public int RedAfterWeeksWithoutSubmission { get; set; } = 8;

    /// <summary>Red when an item has waited for review for more than this many days.</summary>
    public int RedAfterDaysWaiting { get; set; } = 14;

    /// <summary>Amber when an active apprentice has submitted nothing for this many weeks.</summary>
    public int AmberAfterWeeksWithoutSubmission { get; set; } = 4;

    /// <summary>Amber when an item has waited for review for more than this many days.</summary>
    public int AmberAfterDaysWaiting { get; set; } = 7;

    /// <summary>The red rule in words, for example "nothing submitted for 8 weeks, or an item waiting over 14 days".</summary>
    public string RedRule => Rule(RedAfterWeeksWithoutSubmission, RedAfterDaysWaiting);

    /// <summary>The amber rule in words.</summary>
    public string AmberRule => Rule(AmberAfterWeeksWithoutSubmission, AmberAfterDaysWaiting);

    /// <summary>
    /// The status of one apprentice. The time since the last submission counts only while the apprenticeship is active
    /// (an apprentice on a break in learning, at gateway or finished is not expected to submit); an item waiting for review
    /// counts whatever the status, but a closed record has none, since its evidence is no longer reviewed.
    /// </summary>
    /// <param name="lastSubmittedAt">The latest submission of any item; when there is none, the apprenticeship's start.</param>
    /// <param name="oldestWaitingSince">When the item that has waited longest was submitted; null when nothing waits.</param>
    public CaseloadRag Classify(bool isActive, DateTimeOffset lastSubmittedAt, DateTimeOffset? oldestWaitingSince, DateTimeOffset now)
    {
        var quiet = isActive ? now - lastSubmittedAt : TimeSpan.Zero;
        var waiting = oldestWaitingSince is { } since ? now - since : TimeSpan.Zero;
        if (quiet >= TimeSpan.FromDays(7 * RedAfterWeeksWithoutSubmission) || waiting > TimeSpan.FromDays(RedAfterDaysWaiting))
        {
            return CaseloadRag.Red;
        }

        if (quiet >= TimeSpan.FromDays(7 * AmberAfterWeeksWithoutSubmission) || waiting > TimeSpan.FromDays(AmberAfterDaysWaiting))
        {
            return CaseloadRag.Amber;
        }

        return CaseloadRag.Green;
    }

    private static string Rule(int weeks, int days) =>
        string.Create(CultureInfo.InvariantCulture, $"nothing submitted for {weeks} weeks, or an item waiting over {days} days");
}

/// <summary>How urgently an apprentice needs the assessor's attention; red first.</summary>
public enum CaseloadRag
{
    Red = 1,
    Amber = 2,
    Green = 3,
}
