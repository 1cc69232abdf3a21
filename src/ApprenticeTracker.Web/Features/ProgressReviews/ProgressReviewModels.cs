using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Reviews;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>A review as drafted: what the assessor writes, with its actions, and the form's one-time token.</summary>
public sealed class ReviewForm
{
    /// <summary>How many action rows the form offers; rows left empty are ignored.</summary>
    public const int ActionRows = 5;

    public string? HeldOn { get; set; }

    public string? ProgressAgainstActions { get; set; }

    public string? TrainingSince { get; set; }

    public string? OffTheJobSlippage { get; set; }

    public string? DutyProgress { get; set; }

    public string? ApprenticeConcerns { get; set; }

    public string? EmployerConcerns { get; set; }

    public string? ProviderConcerns { get; set; }

    public string? ChangesOfCircumstance { get; set; }

    public string? TrainingPlanChanges { get; set; }

    public bool WellbeingChecked { get; set; }

    public string? WellbeingNotes { get; set; }

    public string? NextReviewOn { get; set; }

    public int? AgreedIntervalWeeks { get; set; }

    public string? AgreedIntervalReason { get; set; }

    public List<ReviewActionForm> Actions { get; set; } = [];

    /// <summary>A fresh token per form shown: a new review is created only with its first use (double clicks).</summary>
    public Guid FormToken { get; set; }

    /// <summary>The review's stamp when the form was opened, when changing a draft.</summary>
    public Guid? ConcurrencyStamp { get; set; }
}

/// <summary>One action row of <see cref="ReviewForm"/>.</summary>
public sealed class ReviewActionForm
{
    public string? Description { get; set; }

    /// <summary>A <see cref="ReviewParty"/> by name; empty when none is chosen.</summary>
    public string? Owner { get; set; }

    public string? DueOn { get; set; }
}

/// <summary>A party's signature: their password, and the form's one-time token (a double click signs once).</summary>
public sealed class SignReviewForm
{
    public string? Password { get; set; }

    public Guid FormToken { get; set; }

    /// <summary>The review's stamp when the page was opened: a signature is of the record as it was read.</summary>
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>A party's refusal to sign, with the reason and their password.</summary>
public sealed class DeclineReviewForm
{
    public string? Reason { get; set; }

    public string? Password { get; set; }

    public Guid FormToken { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>A correction added to a signed review.</summary>
public sealed class AddendumForm
{
    public string? Text { get; set; }

    public Guid FormToken { get; set; }
}

/// <summary>Whose review it is, for the heading of every page of the feature.</summary>
public sealed record ReviewHeading(Guid EnrolmentId, string ApprenticeName, string EmployerName, EnrolmentStatus Status, DateOnly StartDate);

/// <summary>An apprentice's reviews: when the next is due and every review recorded, latest first.</summary>
public sealed record EnrolmentReviewsModel(ReviewHeading Heading, ReviewDue Due, string RuleSummary, bool CanDraft, IReadOnlyList<ReviewRow> Reviews);

/// <summary>One review in an apprentice's list.</summary>
public sealed record ReviewRow(Guid Id, DateOnly HeldOn, DateOnly NextReviewOn, int SignedCount, int DeclinedCount, bool IsComplete);

/// <summary>
/// One review as the signed-in person sees it: the record (read, not tracked), which party they are, and what they may
/// do with it.
/// </summary>
public sealed record ReviewDetailModel(ReviewHeading Heading, ProgressReview Review, ReviewParty? ViewerParty, bool CanEdit, bool CanAddAddendum)
{
    /// <summary>The statement each party signs.</summary>
    public string Declaration => Review.Declaration(Heading.ApprenticeName);

    /// <summary>The viewer's signature or decline in force, if they are a party and have given one.</summary>
    public ReviewSignature? ViewerResponse => ViewerParty is { } party ? Review.ResponseOf(party) : null;

    /// <summary>True when the viewer is a party who has not signed yet (one who declined may still sign).</summary>
    public bool ViewerMaySign => ViewerParty is not null && ViewerResponse is not { IsDeclined: false };
}

/// <summary>What the draft form shows beside the fields: the figures filled from the records, and the last actions.</summary>
public sealed record DraftReviewModel(
    ReviewHeading Heading, Guid? ReviewId, ReviewOffTheJob OffTheJob, string RuleSummary, DateOnly? LatestNextReview, IReadOnlyList<ReviewAction> LastActions);

/// <summary>One apprentice in the home pages' list of progress reviews.</summary>
/// <param name="LastReviewId">The last completed review, to link to.</param>
/// <param name="AwaitingYou">A review waiting for the viewer's signature, if any.</param>
public sealed record ReviewsDueRow(Guid EnrolmentId, string ApprenticeName, ReviewDue Due, Guid? LastReviewId, Guid? AwaitingYou, bool Red, bool Amber);
