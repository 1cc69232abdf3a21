using System.Globalization;
using ApprenticeTracker.Domain.Enrolments;

namespace ApprenticeTracker.Domain.Reviews;

/// <summary>The three parties to a progress review, each of whom signs it.</summary>
public enum ReviewParty
{
    Apprentice = 1,
    Employer = 2,
    Provider = 3,
}

/// <summary>The words for each <see cref="ReviewParty"/>.</summary>
public static class ReviewPartyNames
{
    /// <summary>Every party, in the order a review lists their signatures.</summary>
    public static IReadOnlyList<ReviewParty> All { get; } = [ReviewParty.Apprentice, ReviewParty.Employer, ReviewParty.Provider];

    public static string DisplayName(this ReviewParty party) => party switch
    {
        ReviewParty.Apprentice => "Apprentice",
        ReviewParty.Employer => "Employer",
        ReviewParty.Provider => "Training provider",
        _ => party.ToString(),
    };
}

/// <summary>One action agreed at a review for next time, with who owns it and by when.</summary>
/// <param name="Description">What is to be done; blank in a form row left empty.</param>
/// <param name="Owner">Null when none was chosen (or what was posted is not a party): refused.</param>
/// <param name="DueOn">Null when none was entered (or what was posted is not a date): refused.</param>
public sealed record ReviewActionContent(string? Description, ReviewParty? Owner, DateOnly? DueOn)
{
    /// <summary>True for a row of the form left wholly empty, which is ignored.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Owner is null && DueOn is null;
}

/// <summary>What the drafter writes in a progress review; checked by <see cref="ProgressReview"/>.</summary>
/// <param name="HeldOn">The day the review meeting took place; null when none was entered: refused.</param>
/// <param name="ProgressAgainstActions">Progress against the actions agreed at the last review (optional for the first).</param>
/// <param name="TrainingSince">The training delivered since the last review (or the start).</param>
/// <param name="OffTheJobSlippage">Any slippage against the planned off-the-job hours and what is agreed about it.</param>
/// <param name="DutyProgress">Progress by duty against the training plan, as the drafter records it.</param>
/// <param name="WellbeingChecked">True when the wellbeing and safeguarding check was done: required.</param>
/// <param name="AgreedIntervalWeeks">An interval agreed with the employer instead of the funding rules' one; null for none.</param>
public sealed record ProgressReviewContent(
    DateOnly? HeldOn,
    string? ProgressAgainstActions,
    string? TrainingSince,
    string? OffTheJobSlippage,
    string? DutyProgress,
    string? ApprenticeConcerns,
    string? EmployerConcerns,
    string? ProviderConcerns,
    string? ChangesOfCircumstance,
    string? TrainingPlanChanges,
    bool WellbeingChecked,
    string? WellbeingNotes,
    DateOnly? NextReviewOn,
    int? AgreedIntervalWeeks,
    string? AgreedIntervalReason,
    IReadOnlyList<ReviewActionContent> Actions);

/// <summary>The off-the-job figures of an enrolment on the day of a review, read from its off-the-job log.</summary>
/// <param name="PlannedToDateMinutes">The minutes planned by the day of the review.</param>
/// <param name="ApprovedMinutes">The minutes approved in the log by then.</param>
public sealed record ReviewOffTheJob(int PlannedToDateMinutes, int ApprovedMinutes);

/// <summary>Who signs or declines: the account, the name and the capacity shown beside the signature.</summary>
/// <param name="Capacity">The role in which they sign: "Apprentice", a contact's job title, "Assessor".</param>
public sealed record ReviewSignatory(string UserId, string Name, string Capacity);

/// <summary>
/// A progress review between training provider, employer and apprentice, as funding rules require one at a set interval
/// (<see cref="ProgressReviewRules"/>). The assessor (or a provider administrator) drafts it; then the apprentice, the
/// employer contact and the provider each sign it with their password. It is complete when all three have signed; a
/// party may decline with a reason instead, which is recorded. From the first signature or decline the record is
/// locked: a correction is an addendum.
/// </summary>
public sealed class ProgressReview : AggregateRoot
{
    public const int TextMaxLength = 4000;
    public const int ActionMaxLength = 500;
    public const int MaxActions = 20;
    public const int CapacityMaxLength = 200;
    public const int DeclarationMaxLength = 1000;

    /// <summary>The names by which a <see cref="Refusal"/> of a review names the input it concerns.</summary>
    public static class Fields
    {
        public const string HeldOn = nameof(ProgressReview.HeldOn);
        public const string ProgressAgainstActions = nameof(ProgressReview.ProgressAgainstActions);
        public const string TrainingSince = nameof(ProgressReview.TrainingSince);
        public const string OffTheJobSlippage = nameof(ProgressReview.OffTheJobSlippage);
        public const string DutyProgress = nameof(ProgressReview.DutyProgress);
        public const string ApprenticeConcerns = nameof(ProgressReview.ApprenticeConcerns);
        public const string EmployerConcerns = nameof(ProgressReview.EmployerConcerns);
        public const string ProviderConcerns = nameof(ProgressReview.ProviderConcerns);
        public const string ChangesOfCircumstance = nameof(ProgressReview.ChangesOfCircumstance);
        public const string TrainingPlanChanges = nameof(ProgressReview.TrainingPlanChanges);
        public const string WellbeingChecked = nameof(ProgressReview.WellbeingChecked);
        public const string WellbeingNotes = nameof(ProgressReview.WellbeingNotes);
        public const string NextReviewOn = nameof(ProgressReview.NextReviewOn);
        public const string Actions = nameof(ProgressReview.Actions);
        public const string AgreedWeeks = AgreedReviewInterval.Fields.Weeks;
        public const string AgreedReason = AgreedReviewInterval.Fields.Reason;
        public const string DeclineReason = "DeclineReason";
        public const string Addendum = "Addendum";

        /// <summary>The field of one action row (0-based), for its refusals.</summary>
        public static string Action(int index) => $"Actions[{index.ToString(CultureInfo.InvariantCulture)}]";
    }

    private readonly List<ReviewAction> _actions = new();
    private readonly List<ReviewSignature> _signatures = new();
    private readonly List<ReviewAddendum> _addenda = new();

    private ProgressReview()
    {
        TrainingSince = string.Empty;
        DutyProgress = string.Empty;
        DraftedByUserId = string.Empty;
        DraftedByName = string.Empty;
    }

    private ProgressReview(Guid id, Enrolment enrolment)
        : base(id)
    {
        EnrolmentId = enrolment.Id;
        TrainingProviderId = enrolment.TrainingProviderId;
        TrainingSince = string.Empty;
        DutyProgress = string.Empty;
        DraftedByUserId = string.Empty;
        DraftedByName = string.Empty;
    }

    public Guid EnrolmentId { get; private set; }

    public Guid TrainingProviderId { get; private set; }

    /// <summary>The day the review meeting took place; the next review is counted from it.</summary>
    public DateOnly HeldOn { get; private set; }

    public string? ProgressAgainstActions { get; private set; }

    public string TrainingSince { get; private set; }

    /// <summary>Off-the-job minutes planned by the day of the review, from the off-the-job plan when drafted.</summary>
    public int OffTheJobPlannedMinutes { get; private set; }

    /// <summary>Off-the-job minutes approved in the log by the day of the review, when drafted.</summary>
    public int OffTheJobActualMinutes { get; private set; }

    public string? OffTheJobSlippage { get; private set; }

    public string DutyProgress { get; private set; }

    public string? ApprenticeConcerns { get; private set; }

    public string? EmployerConcerns { get; private set; }

    public string? ProviderConcerns { get; private set; }

    public string? ChangesOfCircumstance { get; private set; }

    public string? TrainingPlanChanges { get; private set; }

    /// <summary>Always true once drafted: a review cannot be recorded without the wellbeing and safeguarding check.</summary>
    public bool WellbeingChecked { get; private set; }

    public string? WellbeingNotes { get; private set; }

    /// <summary>The date agreed for the next review; on or before the date the rules (or the agreed interval) allow.</summary>
    public DateOnly NextReviewOn { get; private set; }

    /// <summary>An interval agreed with the employer instead of the funding rules' one, in weeks; null for none.</summary>
    public int? AgreedIntervalWeeks { get; private set; }

    /// <summary>The evidenced delivery reason for the agreed interval; set exactly when <see cref="AgreedIntervalWeeks"/> is.</summary>
    public string? AgreedIntervalReason { get; private set; }

    public string DraftedByUserId { get; private set; }

    public string DraftedByName { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the last of the three parties signed; null until then.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Changes on every change of state (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>The actions agreed for next time, in the order written.</summary>
    public IReadOnlyList<ReviewAction> Actions => _actions.OrderBy(a => a.Position).ToList();

    /// <summary>Every signature and decline, oldest first.</summary>
    public IReadOnlyList<ReviewSignature> Signatures => _signatures.OrderBy(s => s.At).ToList();

    /// <summary>The corrections added after the record was locked, oldest first.</summary>
    public IReadOnlyList<ReviewAddendum> Addenda => _addenda.OrderBy(a => a.At).ToList();

    /// <summary>True from the first signature or decline: the record can no longer change, only gain addenda.</summary>
    public bool IsLocked => _signatures.Count > 0;

    public bool IsComplete => CompletedAt is not null;

    /// <summary>The interval agreed at this review, if any.</summary>
    public AgreedReviewInterval? AgreedInterval =>
        AgreedIntervalWeeks is { } weeks && AgreedIntervalReason is { } reason ? AgreedReviewInterval.Of(weeks, reason) : null;

    protected override Guid? AuditEnrolmentId => EnrolmentId;

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    /// <summary>The party's signature or decline in force: the latest one they gave; null while they have given none.</summary>
    public ReviewSignature? ResponseOf(ReviewParty party) => _signatures.Where(s => s.Party == party).MaxBy(s => s.At);

    /// <summary>
    /// The statement each party signs, verbatim: the record is accurate as written. It names the review by its date, so
    /// a signature cannot be moved to another review.
    /// </summary>
    public string Declaration(string apprenticeName) =>
        $"I confirm that this record of the progress review of {apprenticeName} held on {Dates.Display(HeldOn)} is accurate, "
        + "and I agree the actions recorded for next time.";

    /// <summary>
    /// Drafts a review of an enrolment that is not withdrawn or completed. Every refusal of the content comes at once, in
    /// one <see cref="DomainException"/>.
    /// </summary>
    /// <param name="offTheJob">The enrolment's off-the-job figures on the day of the review, from its log.</param>
    /// <param name="today">Today where the service runs (<see cref="ServiceClock"/>): a review cannot be held in the future.</param>
    public static ProgressReview Draft(Enrolment enrolment, ProgressReviewContent content, ReviewOffTheJob offTheJob, DateOnly today, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(actor);
        enrolment.EnsureNotFinal("record a progress review");
        var review = new ProgressReview(Guid.NewGuid(), enrolment)
        {
            DraftedByUserId = actor.UserId,
            DraftedByName = actor.DisplayName,
            DraftedAt = at,
        };
        review.Apply(enrolment, content, offTheJob, today);
        review.Touch(at);
        review.Record(actor, at, "review.drafted", $"Held on {Dates.Display(review.HeldOn)}");
        return review;
    }

    /// <summary>Changes a draft that nobody has signed or declined yet.</summary>
    public void Revise(Enrolment enrolment, ProgressReviewContent content, ReviewOffTheJob offTheJob, DateOnly today, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(actor);
        if (IsLocked)
        {
            throw new DomainException("This review has been signed, so it cannot change; add a correction as an addendum instead.");
        }

        enrolment.EnsureNotFinal("change a progress review");
        Apply(enrolment, content, offTheJob, today);
        Touch(at);
        Record(actor, at, "review.revised", $"Held on {Dates.Display(HeldOn)}");
    }

    /// <summary>
    /// Records one party's signature of the declaration. A party signs once; one who declined may sign later. The third
    /// signature completes the review.
    /// </summary>
    public void Sign(ReviewParty party, ReviewSignatory signatory, string declaration, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signatory);
        EnsureMaySign(party);
        _signatures.Add(new ReviewSignature(Id, party, signatory, declaration, null, at));
        Touch(at);
        var actor = new Actor(signatory.UserId, signatory.Name);
        Record(actor, at, "review.signed", $"{party.DisplayName()}: {signatory.Name} ({signatory.Capacity})");
        if (ReviewPartyNames.All.All(p => ResponseOf(p) is { IsDeclined: false }))
        {
            CompletedAt = at;
            Record(actor, at, "review.completed", $"Held on {Dates.Display(HeldOn)}");
        }
    }

    /// <summary>Records one party's refusal to sign, with the reason; the review stays incomplete.</summary>
    public void Decline(ReviewParty party, ReviewSignatory signatory, string? reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signatory);
        EnsureMaySign(party);
        if (ResponseOf(party) is { IsDeclined: true })
        {
            throw new DomainException("You have already declined to sign this review.");
        }

        var text = Check.Text(reason, TextMaxLength, "reason you decline to sign", Fields.DeclineReason);
        _signatures.Add(new ReviewSignature(Id, party, signatory, null, text, at));
        Touch(at);
        Record(new Actor(signatory.UserId, signatory.Name), at, "review.declined", $"{party.DisplayName()}: {text}");
    }

    /// <summary>Adds a correction to a locked review; the record itself and its signatures stay as they were.</summary>
    public void AddAddendum(string? text, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsLocked)
        {
            throw new DomainException("Nobody has signed this review yet: change the draft itself instead of adding an addendum.");
        }

        var checkedText = Check.Text(text, TextMaxLength, "correction", Fields.Addendum);
        _addenda.Add(new ReviewAddendum(Id, checkedText, actor, at));
        Touch(at);
        Record(actor, at, "review.addendum-added", checkedText);
    }

    private void EnsureMaySign(ReviewParty party)
    {
        if (!Enum.IsDefined(party))
        {
            throw new DomainException("Only the apprentice, the employer and the training provider sign a review.");
        }

        if (ResponseOf(party) is { IsDeclined: false } signed)
        {
            throw new DomainException($"This review is already signed for the {party.DisplayName().ToLowerInvariant()}, by {signed.Name} on {Dates.Display(signed.At)}.");
        }
    }

    private void Apply(Enrolment enrolment, ProgressReviewContent content, ReviewOffTheJob offTheJob, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(offTheJob);
        var refusals = new Refusals();
        if (content.HeldOn is not { } heldOn)
        {
            refusals.Add(Fields.HeldOn, "Enter the date the review was held.");
        }
        else if (heldOn > today)
        {
            refusals.Add(Fields.HeldOn, "The review date cannot be in the future.");
        }
        else if (heldOn < enrolment.StartDate)
        {
            refusals.Add(Fields.HeldOn, $"The review date cannot be before the apprenticeship started, {Dates.Display(enrolment.StartDate)}.");
        }

        var progress = refusals.Collect(() => Check.OptionalText(content.ProgressAgainstActions, TextMaxLength, "progress against last time's actions", Fields.ProgressAgainstActions));
        var training = refusals.Collect(() => Check.Text(content.TrainingSince, TextMaxLength, "training delivered since the last review", Fields.TrainingSince));
        var slippage = refusals.Collect(() => Check.OptionalText(content.OffTheJobSlippage, TextMaxLength, "off-the-job slippage", Fields.OffTheJobSlippage));
        var duties = refusals.Collect(() => Check.Text(content.DutyProgress, TextMaxLength, "progress by duty", Fields.DutyProgress));
        var apprenticeConcerns = refusals.Collect(() => Check.OptionalText(content.ApprenticeConcerns, TextMaxLength, "apprentice's concerns", Fields.ApprenticeConcerns));
        var employerConcerns = refusals.Collect(() => Check.OptionalText(content.EmployerConcerns, TextMaxLength, "employer's concerns", Fields.EmployerConcerns));
        var providerConcerns = refusals.Collect(() => Check.OptionalText(content.ProviderConcerns, TextMaxLength, "training provider's concerns", Fields.ProviderConcerns));
        var circumstances = refusals.Collect(() => Check.OptionalText(content.ChangesOfCircumstance, TextMaxLength, "changes of circumstance", Fields.ChangesOfCircumstance));
        var plan = refusals.Collect(() => Check.OptionalText(content.TrainingPlanChanges, TextMaxLength, "changes to the training plan", Fields.TrainingPlanChanges));
        var wellbeing = refusals.Collect(() => Check.OptionalText(content.WellbeingNotes, TextMaxLength, "wellbeing and safeguarding notes", Fields.WellbeingNotes));
        if (!content.WellbeingChecked)
        {
            refusals.Add(Fields.WellbeingChecked, "Confirm that the wellbeing and safeguarding check was done.");
        }

        AgreedReviewInterval? agreed = null;
        if (content.AgreedIntervalWeeks is not null || !string.IsNullOrWhiteSpace(content.AgreedIntervalReason))
        {
            agreed = refusals.Collect(() => AgreedReviewInterval.Of(content.AgreedIntervalWeeks, content.AgreedIntervalReason));
        }

        var actions = ReadActions(content.Actions, content.HeldOn, refusals);
        if (content.NextReviewOn is not { } next)
        {
            refusals.Add(Fields.NextReviewOn, "Enter the date of the next review.");
        }
        else if (content.HeldOn is { } held)
        {
            var latest = agreed?.DueAfter(held) ?? ProgressReviewRules.For(enrolment.StartDate).DueAfter(held);
            if (next <= held)
            {
                refusals.Add(Fields.NextReviewOn, "The next review must be after this one.");
            }
            else if (next > latest && !refusals.Has(Fields.AgreedWeeks) && !refusals.Has(Fields.AgreedReason))
            {
                refusals.Add(Fields.NextReviewOn, agreed is null
                    ? $"The funding rules need the next review by {Dates.Display(latest)}. Choose that date or earlier, or record an interval agreed with the employer and its reason."
                    : $"The agreed interval of {agreed.Weeks.ToString(CultureInfo.InvariantCulture)} weeks needs the next review by {Dates.Display(latest)}.");
            }
        }

        refusals.ThrowIfAny();
        HeldOn = content.HeldOn!.Value;
        ProgressAgainstActions = progress;
        TrainingSince = training!;
        OffTheJobPlannedMinutes = offTheJob.PlannedToDateMinutes;
        OffTheJobActualMinutes = offTheJob.ApprovedMinutes;
        OffTheJobSlippage = slippage;
        DutyProgress = duties!;
        ApprenticeConcerns = apprenticeConcerns;
        EmployerConcerns = employerConcerns;
        ProviderConcerns = providerConcerns;
        ChangesOfCircumstance = circumstances;
        TrainingPlanChanges = plan;
        WellbeingChecked = true;
        WellbeingNotes = wellbeing;
        NextReviewOn = content.NextReviewOn!.Value;
        AgreedIntervalWeeks = agreed?.Weeks;
        AgreedIntervalReason = agreed?.Reason;
        _actions.Clear();
        _actions.AddRange(actions.Select((a, i) => new ReviewAction(Id, i, a.Description!, a.Owner!.Value, a.DueOn!.Value)));
    }

    private static List<ReviewActionContent> ReadActions(IReadOnlyList<ReviewActionContent>? rows, DateOnly? heldOn, Refusals refusals)
    {
        var actions = new List<ReviewActionContent>();
        var given = (rows ?? []).Select((row, index) => (row, index)).Where(x => !x.row.IsBlank).ToList();
        if (given.Count == 0)
        {
            refusals.Add(Fields.Actions, "Agree at least one action for next time, with its owner and date.");
            return actions;
        }

        if (given.Count > MaxActions)
        {
            refusals.Add(Fields.Actions, $"Record at most {MaxActions.ToString(CultureInfo.InvariantCulture)} actions.");
            return actions;
        }

        foreach (var (row, index) in given)
        {
            var field = Fields.Action(index);
            var text = refusals.Collect(() => Check.Text(row.Description, ActionMaxLength, $"action {(index + 1).ToString(CultureInfo.InvariantCulture)}", field));
            if (row.Owner is not { } owner || !Enum.IsDefined(owner))
            {
                refusals.Add(field, $"Choose who owns action {(index + 1).ToString(CultureInfo.InvariantCulture)}.");
            }

            if (row.DueOn is not { } due)
            {
                refusals.Add(field, $"Enter the date action {(index + 1).ToString(CultureInfo.InvariantCulture)} is due.");
            }
            else if (heldOn is { } held && due <= held)
            {
                refusals.Add(field, $"Action {(index + 1).ToString(CultureInfo.InvariantCulture)} must be due after the review.");
            }

            actions.Add(row with { Description = text });
        }

        return actions;
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>An action agreed at a review for next time.</summary>
public sealed class ReviewAction
{
    private ReviewAction()
    {
        Description = string.Empty;
    }

    internal ReviewAction(Guid reviewId, int position, string description, ReviewParty owner, DateOnly dueOn)
    {
        Id = Guid.NewGuid();
        ProgressReviewId = reviewId;
        Position = position;
        Description = description;
        Owner = owner;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }

    public Guid ProgressReviewId { get; private set; }

    /// <summary>The action's place in the list, from 0.</summary>
    public int Position { get; private set; }

    public string Description { get; private set; }

    public ReviewParty Owner { get; private set; }

    public DateOnly DueOn { get; private set; }
}

/// <summary>
/// One party's electronic signature of a review (the declaration they signed, with their password), or their refusal to
/// sign with the reason. Never changed or deleted.
/// </summary>
public sealed class ReviewSignature
{
    private ReviewSignature()
    {
        UserId = string.Empty;
        Name = string.Empty;
        Capacity = string.Empty;
    }

    internal ReviewSignature(Guid reviewId, ReviewParty party, ReviewSignatory signatory, string? declaration, string? declineReason, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ProgressReviewId = reviewId;
        Party = party;
        UserId = signatory.UserId;
        Name = signatory.Name;
        Capacity = signatory.Capacity;
        Declaration = declaration;
        DeclineReason = declineReason;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ProgressReviewId { get; private set; }

    public ReviewParty Party { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The signatory's name at the time of signing.</summary>
    public string Name { get; private set; }

    /// <summary>The capacity in which they signed: "Apprentice", a contact's job title, "Assessor".</summary>
    public string Capacity { get; private set; }

    /// <summary>The statement signed, verbatim; null for a decline.</summary>
    public string? Declaration { get; private set; }

    /// <summary>Why the party declined to sign; null for a signature.</summary>
    public string? DeclineReason { get; private set; }

    public DateTimeOffset At { get; private set; }

    public bool IsDeclined => DeclineReason is not null;
}

/// <summary>A correction to a locked review, by the training provider; the record it corrects stays as signed.</summary>
public sealed class ReviewAddendum
{
    private ReviewAddendum()
    {
        Text = string.Empty;
        ByUserId = string.Empty;
        ByName = string.Empty;
    }

    internal ReviewAddendum(Guid reviewId, string text, Actor by, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ProgressReviewId = reviewId;
        Text = text;
        ByUserId = by.UserId;
        ByName = by.DisplayName;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ProgressReviewId { get; private set; }

    public string Text { get; private set; }

    public string ByUserId { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
