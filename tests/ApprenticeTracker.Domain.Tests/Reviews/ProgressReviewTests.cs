using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Domain.Tests.Reviews;

/// <summary>A progress review: drafted with what funding rules ask, signed by the three parties, locked once signed.</summary>
public class ProgressReviewTests
{
    private static readonly DateOnly Start = new(2024, 9, 2);
    private static readonly DateOnly HeldOn = new(2024, 11, 20);
    private static readonly DateOnly Today = new(2024, 11, 21);
    private static readonly ReviewSignatory Apprentice = new("user-apprentice", "Łucja Wójcik", "Apprentice");
    private static readonly ReviewSignatory Employer = new("user-employer", "Sam Okafor", "Workplace mentor");
    private static readonly ReviewSignatory Provider = new("user-assessor", "Grace Adeyemi", "Assessor");

    private static Enrolment Enrolment(EnrolmentStatus status = EnrolmentStatus.Active) =>
        new EnrolmentBuilder().StartingOn(Start).InStatus(status).Build();

    private static ProgressReviewContent Content(
        DateOnly? heldOn = null, DateOnly? next = null, bool wellbeing = true, string? training = "Two workshops on audit.",
        int? agreedWeeks = null, string? agreedReason = null, params ReviewActionContent[] actions) =>
        new(heldOn ?? HeldOn, null, training, null, "D1: not signed off yet", null, null, null, null, null, wellbeing, null,
            next ?? new DateOnly(2025, 1, 31), agreedWeeks, agreedReason,
            actions.Length == 0 ? [new ReviewActionContent("Log two observations", ReviewParty.Apprentice, new DateOnly(2025, 1, 10))] : actions);

    private static ProgressReview Draft(ProgressReviewContent? content = null) =>
        ProgressReview.Draft(Enrolment(), content ?? Content(), new ReviewOffTheJob(600, 540), Today, Actors.ProviderAdmin, Clock.Now);

    [Test]
    public void A_draft_records_the_content_the_off_the_job_figures_and_an_audit_event()
    {
        var review = Draft();

        Assert.That(review.HeldOn, Is.EqualTo(HeldOn));
        Assert.That(review.OffTheJobPlannedMinutes, Is.EqualTo(600));
        Assert.That(review.OffTheJobActualMinutes, Is.EqualTo(540));
        Assert.That(review.Actions.Single().Owner, Is.EqualTo(ReviewParty.Apprentice));
        Assert.That(review.IsLocked, Is.False);
        Assert.That(review.PendingAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "review.drafted" }));
    }

    [Test]
    public void A_draft_missing_its_training_actions_and_wellbeing_check_is_refused_for_each_at_once()
    {
        var content = Content(training: " ", wellbeing: false) with { Actions = [new ReviewActionContent(null, null, null)] };

        var refused = Assert.Throws<DomainException>(() => Draft(content))!;

        Assert.That(refused.Refusals.Select(r => r.Field), Is.EquivalentTo(new[]
        {
            ProgressReview.Fields.TrainingSince, ProgressReview.Fields.WellbeingChecked, ProgressReview.Fields.Actions,
        }));
    }

    [Test]
    public void An_action_without_owner_or_date_is_refused_on_its_row()
    {
        var content = Content(actions: new ReviewActionContent("Read the policy", null, null));

        var refused = Assert.Throws<DomainException>(() => Draft(content))!;

        Assert.That(refused.Refusals.Select(r => r.Field), Is.EqualTo(new[] { ProgressReview.Fields.Action(0), ProgressReview.Fields.Action(0) }));
    }

    [Test]
    public void A_review_in_the_future_or_before_the_start_is_refused()
    {
        Assert.Throws<DomainException>(() => Draft(Content(heldOn: Today.AddDays(1))));
        Assert.Throws<DomainException>(() => Draft(Content(heldOn: Start.AddDays(-1), next: Start.AddDays(20))));
    }

    [Test]
    public void A_next_review_later_than_the_rules_allow_is_refused_unless_an_interval_is_agreed_with_its_reason()
    {
        // Started 2 Sep 2024: 12 weeks from 20 Nov 2024 is 12 Feb 2025.
        var late = new DateOnly(2025, 3, 1);

        var refused = Assert.Throws<DomainException>(() => Draft(Content(next: late)))!;
        var agreed = Draft(Content(next: late, agreedWeeks: 16, agreedReason: "Clinical rotation abroad"));

        Assert.That(refused.Field, Is.EqualTo(ProgressReview.Fields.NextReviewOn));
        Assert.That(refused.Message, Does.Contain("12 Feb 2025"));
        Assert.That(agreed.AgreedInterval!.Weeks, Is.EqualTo(16));
    }

    [Test]
    public void An_agreed_interval_without_its_reason_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => Draft(Content(agreedWeeks: 16)))!;

        Assert.That(refused.Field, Is.EqualTo(ProgressReview.Fields.AgreedReason));
    }

    [Test]
    public void A_withdrawn_apprenticeship_gets_no_new_review()
    {
        Assert.Throws<DomainException>(() =>
            ProgressReview.Draft(Enrolment(EnrolmentStatus.Withdrawn), Content(), new ReviewOffTheJob(0, 0), Today, Actors.ProviderAdmin, Clock.Now));
    }

    [Test]
    public void The_review_is_complete_only_when_all_three_parties_have_signed()
    {
        var review = Draft();

        review.Sign(ReviewParty.Provider, Provider, review.Declaration("Łucja Wójcik"), Clock.Now);
        review.Sign(ReviewParty.Apprentice, Apprentice, review.Declaration("Łucja Wójcik"), Clock.Now.AddMinutes(1));
        var afterTwo = review.IsComplete;
        review.Sign(ReviewParty.Employer, Employer, review.Declaration("Łucja Wójcik"), Clock.Now.AddMinutes(2));

        Assert.That(afterTwo, Is.False);
        Assert.That(review.IsComplete, Is.True);
        Assert.That(review.CompletedAt, Is.EqualTo(Clock.Now.AddMinutes(2)));
        Assert.That(review.ResponseOf(ReviewParty.Employer)!.Name, Is.EqualTo("Sam Okafor"));
        Assert.That(review.PendingAuditEvents().Select(e => e.Action).TakeLast(2), Is.EqualTo(new[] { "review.signed", "review.completed" }));
    }

    [Test]
    public void A_party_cannot_sign_twice()
    {
        var review = Draft();
        review.Sign(ReviewParty.Apprentice, Apprentice, review.Declaration("Łucja Wójcik"), Clock.Now);

        var refused = Assert.Throws<DomainException>(() => review.Sign(ReviewParty.Apprentice, Apprentice, "again", Clock.Now.AddMinutes(1)))!;

        Assert.That(refused.Message, Does.Contain("already signed"));
        Assert.That(review.Signatures, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_decline_is_recorded_with_its_reason_and_the_review_stays_incomplete_until_that_party_signs()
    {
        var review = Draft();
        review.Sign(ReviewParty.Provider, Provider, "d", Clock.Now);
        review.Sign(ReviewParty.Apprentice, Apprentice, "d", Clock.Now);

        review.Decline(ReviewParty.Employer, Employer, "The hours are wrong", Clock.Now.AddMinutes(1));
        var afterDecline = review.IsComplete;
        review.Sign(ReviewParty.Employer, Employer, "d", Clock.Now.AddMinutes(2));

        Assert.That(afterDecline, Is.False);
        Assert.That(review.IsComplete, Is.True);
        Assert.That(review.Signatures.Single(s => s.IsDeclined).DeclineReason, Is.EqualTo("The hours are wrong"));
    }

    [Test]
    public void A_decline_without_a_reason_is_refused()
    {
        var review = Draft();

        var refused = Assert.Throws<DomainException>(() => review.Decline(ReviewParty.Employer, Employer, "  ", Clock.Now))!;

        Assert.That(refused.Field, Is.EqualTo(ProgressReview.Fields.DeclineReason));
    }

    [Test]
    public void A_signed_review_cannot_change_but_takes_an_addendum()
    {
        var review = Draft();
        review.Sign(ReviewParty.Apprentice, Apprentice, "d", Clock.Now);

        Assert.Throws<DomainException>(() => review.Revise(Enrolment(), Content(), new ReviewOffTheJob(0, 0), Today, Actors.ProviderAdmin, Clock.Now));
        review.AddAddendum("The second action is due on 17 Jan, not 10 Jan.", Actors.ProviderAdmin, Clock.Now.AddHours(1));

        Assert.That(review.Addenda.Single().ByName, Is.EqualTo("Priya Shah"));
        Assert.That(review.Actions.Single().DueOn, Is.EqualTo(new DateOnly(2025, 1, 10)));
    }

    [Test]
    public void A_draft_nobody_has_signed_changes_and_takes_no_addendum()
    {
        var review = Draft();

        review.Revise(Enrolment(), Content(training: "Three workshops."), new ReviewOffTheJob(0, 0), Today, Actors.ProviderAdmin, Clock.Now);

        Assert.That(review.TrainingSince, Is.EqualTo("Three workshops."));
        Assert.Throws<DomainException>(() => review.AddAddendum("x", Actors.ProviderAdmin, Clock.Now));
    }

    [Test]
    public void The_schedule_counts_from_the_last_completed_review_and_is_paused_by_a_break_in_learning()
    {
        Assert.That(ReviewSchedule.NextDue(Start, EnrolmentStatus.Active, HeldOn, null), Is.EqualTo(new DateOnly(2025, 2, 12)));
        Assert.That(ReviewSchedule.NextDue(Start, EnrolmentStatus.BreakInLearning, HeldOn, null), Is.Null);
        Assert.That(ReviewSchedule.OverdueDays(new DateOnly(2025, 2, 12), new DateOnly(2025, 2, 15)), Is.EqualTo(3));
        Assert.That(ReviewSchedule.DueWithin(new DateOnly(2025, 2, 12), new DateOnly(2025, 2, 1), 14), Is.True);
    }
}
