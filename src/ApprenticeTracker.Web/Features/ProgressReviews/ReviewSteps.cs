using System.Text;
using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Forms;
using ApprenticeTracker.Persistence.OffTheJob;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>The steps the feature's queries and handlers share: who the signed-in person is to a review, and reading the form.</summary>
internal static class ReviewSteps
{
    /// <summary>
    /// The party the signed-in person signs for on an enrolment they may see: the apprentice on their own, the employer
    /// contact on their employer's, the assessor or provider administrator on any other; null for nobody.
    /// </summary>
    public static ReviewParty? PartyOf(CurrentUser user, Guid apprenticeId, Guid employerId)
    {
        if (user.IsApprentice && user.ApprenticeId == apprenticeId)
        {
            return ReviewParty.Apprentice;
        }

        if (user.IsEmployer && user.EmployerId == employerId)
        {
            return ReviewParty.Employer;
        }

        return user.IsAssessor || user.IsProviderAdmin ? ReviewParty.Provider : null;
    }

    /// <summary>The heading of an enrolment the user may see; null when they may not.</summary>
    public static Task<ReviewHeading?> HeadingAsync(AppDbContext db, CurrentUser user, Guid enrolmentId, CancellationToken ct) =>
        (from e in AccessScopes.Enrolments(db, user)
         where e.Id == enrolmentId
         join a in db.Apprentices on e.ApprenticeId equals a.Id
         join m in db.Employers on e.EmployerId equals m.Id
         select new { e.Id, a.GivenName, a.FamilyName, a.NameOrder, Employer = m.Name, e.Status, e.StartDate })
        .AsNoTracking()
        .Select(x => new ReviewHeading(x.Id, PersonName.Full(x.GivenName, x.FamilyName, x.NameOrder), x.Employer, x.Status, x.StartDate))
        .SingleOrDefaultAsync(ct);

    /// <summary>The off-the-job figures of an enrolment on the day of the review, from its log.</summary>
    public static async Task<ReviewOffTheJob> OffTheJobAsync(AppDbContext db, Guid enrolmentId, DateOnly on, CancellationToken ct)
    {
        var progress = await OffTheJobReader.ProgressAsync(db, enrolmentId, on, ct);
        return progress is null ? new ReviewOffTheJob(0, 0) : new ReviewOffTheJob(progress.PlannedToDateMinutes, progress.ApprovedMinutes);
    }

    /// <summary>Progress by duty as the records show it today, one line a duty: its sign-off, or its evidence so far.</summary>
    public static async Task<string> DutyProgressAsync(AppDbContext db, Guid enrolmentId, CancellationToken ct)
    {
        var duties = await (
                from e in db.Enrolments
                where e.Id == enrolmentId
                join d in db.Duties on e.StandardId equals d.StandardId
                orderby d.Number
                select new
                {
                    d.Code,
                    SignedOn = db.DutySignOffs.Where(s => s.EnrolmentId == e.Id && s.DutyId == d.Id && s.RevokedAt == null).Max(s => (DateTimeOffset?)s.SignedAt),
                    Accepted = db.EvidenceItems.Count(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Accepted && i.Duties.Any(x => x.DutyId == d.Id)),
                    Waiting = db.EvidenceItems.Count(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Submitted && i.Duties.Any(x => x.DutyId == d.Id)),
                })
            .AsNoTracking()
            .ToListAsync(ct);
        var text = new StringBuilder();
        foreach (var duty in duties)
        {
            text.Append(duty.Code).Append(": ");
            text.Append(duty.SignedOn is { } on
                ? $"signed off on {Dates.Display(ServiceClock.DateOf(on))}"
                : $"{Count(duty.Accepted, "accepted item")} of evidence, {Count(duty.Waiting, "item")} waiting for review; not signed off yet");
            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Reads the form's dates, owners and numbers; what it cannot read is refused here, by field, and the rest is left to
    /// the domain (an unreadable date is passed on as missing, and the domain's refusal of it is not repeated).
    /// </summary>
    public static ProgressReviewContent Read(ReviewForm form, FormErrors errors)
    {
        var heldOn = Date(form.HeldOn, ProgressReview.Fields.HeldOn, "the date the review was held", errors);
        var next = Date(form.NextReviewOn, ProgressReview.Fields.NextReviewOn, "the date of the next review", errors);
        var actions = (form.Actions ?? [])
            .Select((row, index) => new ReviewActionContent(
                row.Description,
                Enum.TryParse<ReviewParty>(row.Owner, out var owner) && Enum.IsDefined(owner) ? owner : null,
                Date(row.DueOn, ProgressReview.Fields.Action(index), $"the date action {(index + 1).ToString(CultureInfo.InvariantCulture)} is due", errors)))
            .ToList();
        return new ProgressReviewContent(
            heldOn, form.ProgressAgainstActions, form.TrainingSince, form.OffTheJobSlippage, form.DutyProgress,
            form.ApprenticeConcerns, form.EmployerConcerns, form.ProviderConcerns, form.ChangesOfCircumstance, form.TrainingPlanChanges,
            form.WellbeingChecked, form.WellbeingNotes, next, form.AgreedIntervalWeeks, form.AgreedIntervalReason, actions);
    }

    /// <summary>The domain's refusals added to the form's, without a second message for a field the form already refused.</summary>
    public static void Add(FormErrors errors, DomainException refused)
    {
        foreach (var refusal in refused.Refusals)
        {
            if (refusal.Field is null || !errors.Has(refusal.Field))
            {
                errors.Add(refusal.Field, refusal.Message);
            }
        }
    }

    /// <summary>The record a one-time form token created or changed, if the token has been used.</summary>
    public static Task<Guid?> UsedTokenAsync(AppDbContext db, Guid token, CancellationToken ct) =>
        db.FormSubmissions.Where(s => s.Token == token).Select(s => (Guid?)s.RecordId).SingleOrDefaultAsync(ct);

    /// <summary>A review the user may see, tracked with its signatures, and the party they sign for; null when not theirs.</summary>
    public static async Task<(ProgressReview Review, ReviewParty Party, string ApprenticeName)?> ReviewToAnswerAsync(AppDbContext db, CurrentUser user, Guid reviewId, CancellationToken ct)
    {
        var review = await db.ProgressReviews
            .Include(r => r.Signatures)
            .SingleOrDefaultAsync(r => r.Id == reviewId && AccessScopes.Enrolments(db, user).Any(e => e.Id == r.EnrolmentId), ct);
        if (review is null)
        {
            return null;
        }

        var heading = await HeadingAsync(db, user, review.EnrolmentId, ct);
        var parties = await db.Enrolments.Where(e => e.Id == review.EnrolmentId).Select(e => new { e.ApprenticeId, e.EmployerId }).SingleAsync(ct);
        return PartyOf(user, parties.ApprenticeId, parties.EmployerId) is { } party ? (review, party, heading!.ApprenticeName) : null;
    }

    /// <summary>
    /// Who signs for <paramref name="party"/>, with the capacity shown beside their name: an employer contact's job title,
    /// "Assessor" or "Provider administrator" for the provider.
    /// </summary>
    public static async Task<ReviewSignatory> SignatoryAsync(AppDbContext db, CurrentUser user, ReviewParty party, CancellationToken ct)
    {
        var capacity = party switch
        {
            ReviewParty.Apprentice => "Apprentice",
            ReviewParty.Employer => await db.EmployerContacts.Where(c => c.Id == user.EmployerContactId).Select(c => c.JobTitle).SingleOrDefaultAsync(ct) is { Length: > 0 } title
                ? title
                : "Employer contact",
            _ => user.IsAssessor ? "Assessor" : "Provider administrator",
        };
        return new ReviewSignatory(user.UserId, user.DisplayName, capacity);
    }

    /// <summary>
    /// Saves a signature or decline with its one-time token. When two sends of one form race, the database refuses the
    /// second (the token's key, or the review's stamp) and the first stands: both answer as done.
    /// </summary>
    public static async Task<CommandResult> SaveAnswerAsync(IDbContextFactory<AppDbContext> contexts, AppDbContext db, ProgressReview review, Guid token, DateTimeOffset now, CancellationToken ct)
    {
        db.FormSubmissions.Add(new FormSubmission(token, review.Id, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Done(review.Id);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            await using var again = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (await UsedTokenAsync(again, token, CancellationToken.None) is { } winner)
            {
                return CommandResult.Done(winner);
            }

            if (await again.ProgressReviews.AnyAsync(r => r.Id == review.Id, CancellationToken.None))
            {
                return CommandResult.Conflict();
            }

            throw;
        }
    }

    /// <summary>The form a review's draft page opens with: the review's content, or a new draft filled from the records.</summary>
    public static ReviewForm FormOf(ProgressReview review)
    {
        var form = new ReviewForm
        {
            HeldOn = review.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ProgressAgainstActions = review.ProgressAgainstActions,
            TrainingSince = review.TrainingSince,
            OffTheJobSlippage = review.OffTheJobSlippage,
            DutyProgress = review.DutyProgress,
            ApprenticeConcerns = review.ApprenticeConcerns,
            EmployerConcerns = review.EmployerConcerns,
            ProviderConcerns = review.ProviderConcerns,
            ChangesOfCircumstance = review.ChangesOfCircumstance,
            TrainingPlanChanges = review.TrainingPlanChanges,
            WellbeingChecked = review.WellbeingChecked,
            WellbeingNotes = review.WellbeingNotes,
            NextReviewOn = review.NextReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AgreedIntervalWeeks = review.AgreedIntervalWeeks,
            AgreedIntervalReason = review.AgreedIntervalReason,
            Actions = review.Actions.Select(a => new ReviewActionForm
            {
                Description = a.Description,
                Owner = a.Owner.ToString(),
                DueOn = a.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).ToList(),
            ConcurrencyStamp = review.ConcurrencyStamp,
            FormToken = Guid.NewGuid(),
        };
        return form;
    }

    private static DateOnly? Date(string? value, string field, string label, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"Enter {label} as a date, for example 21 11 2026.");
        return null;
    }

    private static string Count(int n, string noun) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
