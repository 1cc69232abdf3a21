namespace ApprenticeTracker.Domain.Tests.Evidence;

/// <summary>The evidence lifecycle: draft, submit, accept or refer back, resubmit, lock, revise, discard, attach.</summary>
public class EvidenceItemTests
{
    private Standard _standard = null!;
    private Assessor _assessor = null!;
    private Enrolment _enrolment = null!;
    private Duty _d1 = null!;
    private Duty _d2 = null!;

    [SetUp]
    public void SetUp()
    {
        _standard = SampleStandards.St0413WithKsbs();
        _assessor = new AssessorBuilder().Named("Grace", "Adeyemi").Build();
        _enrolment = new EnrolmentBuilder().OnStandard(_standard).StartingOn(new DateOnly(2024, 9, 2)).WithAssessor(_assessor).Build();
        _d1 = _standard.Duties[0];
        _d2 = _standard.Duties[1];
    }

    [Test]
    public void Drafting_keeps_the_content_and_the_mapped_duties_and_KSBs()
    {
        var k1 = _standard.Ksbs.Single(k => k.Code == "K1");
        var content = new EvidenceContent("  Calibration of a blood gas analyser ", EvidenceType.WorkProduct, new DateOnly(2025, 3, 10), " What I did. ");

        var item = EvidenceItem.Draft(_enrolment, _standard, content, [_d1.Id, _d2.Id], [k1.Id], Clock.Today, Actors.Apprentice, Clock.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Draft));
            Assert.That(item.EnrolmentId, Is.EqualTo(_enrolment.Id));
            Assert.That(item.Title, Is.EqualTo("Calibration of a blood gas analyser"));
            Assert.That(item.Type, Is.EqualTo(EvidenceType.WorkProduct));
            Assert.That(item.ActivityDate, Is.EqualTo(new DateOnly(2025, 3, 10)));
            Assert.That(item.Description, Is.EqualTo("What I did."));
            Assert.That(item.Duties.Select(d => d.DutyId), Is.EquivalentTo(new[] { _d1.Id, _d2.Id }));
            Assert.That(item.Ksbs.Select(k => k.KsbId), Is.EqualTo(new[] { k1.Id }));
            Assert.That(item.RevisionNumber, Is.EqualTo(1));
            Assert.That(item.RevisionOfId, Is.Null);
            Assert.That(item.SubmissionCount, Is.Zero);
            Assert.That(item.CreatedAt, Is.EqualTo(Clock.Now));
            Assert.That(item.Supports(_d1.Id), Is.True);
            Assert.That(item.Supports(_standard.Duties[2].Id), Is.False);
        }
    }

    [Test]
    public void Drafting_records_an_audit_event_for_the_item_and_its_enrolment()
    {
        var item = Draft(Content());

        var recorded = item.PendingAuditEvents().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Action, Is.EqualTo("evidence.drafted"));
            Assert.That(recorded.EntityType, Is.EqualTo(nameof(EvidenceItem)));
            Assert.That(recorded.EntityId, Is.EqualTo(item.Id));
            Assert.That(recorded.EnrolmentId, Is.EqualTo(_enrolment.Id));
            Assert.That(recorded.ActorUserId, Is.EqualTo(Actors.Apprentice.UserId));
            Assert.That(recorded.ActorName, Is.EqualTo("Łucja Wójcik"));
            Assert.That(recorded.OccurredAt, Is.EqualTo(Clock.Now));
        }
    }

    [Test]
    public void A_duty_chosen_twice_is_mapped_once()
    {
        var item = EvidenceItem.Draft(_enrolment, _standard, Content(), [_d1.Id, _d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now);

        Assert.That(item.Duties, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_draft_needs_no_duty()
    {
        var item = EvidenceItem.Draft(_enrolment, _standard, Content(), [], [], Clock.Today, Actors.Apprentice, Clock.Now);

        Assert.That(item.Duties, Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_title_that_is_empty_is_refused(string title)
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(Content() with { Title = title }));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Title").And.Message.EqualTo("Enter the title."));
    }

    [Test]
    public void A_title_longer_than_200_characters_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(Content() with { Title = new string('t', EvidenceItem.TitleMaxLength + 1) }));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Title").And.Message.EqualTo("The title must be 200 characters or fewer."));
    }

    [Test]
    public void A_title_of_exactly_200_characters_is_allowed()
    {
        var item = Draft(Content() with { Title = new string('t', EvidenceItem.TitleMaxLength) });

        Assert.That(item.Title, Has.Length.EqualTo(200));
    }

    [Test]
    public void A_description_longer_than_the_limit_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(Content() with { Description = new string('d', EvidenceItem.DescriptionMaxLength + 1) }));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Description"));
    }

    [Test]
    public void A_blank_description_is_kept_as_none()
    {
        var item = Draft(Content() with { Description = "  " });

        Assert.That(item.Description, Is.Null);
    }

    [Test]
    public void A_type_that_is_not_one_of_the_evidence_types_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(Content() with { Type = (EvidenceType)99 }));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Type"));
    }

    [Test]
    public void Every_refusal_of_one_draft_is_reported_at_once_each_naming_its_field()
    {
        var content = new EvidenceContent(" ", null, Clock.Today.AddDays(1), null);

        var refusal = Assert.Throws<DomainException>(() =>
            EvidenceItem.Draft(_enrolment, _standard, content, [], [], Clock.Today, Actors.Apprentice, Clock.Now, submitting: true));

        Assert.That(refusal!.Refusals.Select(r => r.Field), Is.EqualTo(new[]
        {
            EvidenceItem.Fields.Title, EvidenceItem.Fields.Type, EvidenceItem.Fields.ActivityDate, EvidenceItem.Fields.DutyIds,
        }));
    }

    [Test]
    public void A_draft_not_being_submitted_may_have_no_duty_yet()
    {
        var item = EvidenceItem.Draft(_enrolment, _standard, Content(), [], [], Clock.Today, Actors.Apprentice, Clock.Now, submitting: false);

        Assert.That(item.Duties, Is.Empty);
    }

    [Test]
    public void An_activity_date_in_the_future_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(Content() with { ActivityDate = Clock.Today.AddDays(1) }));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ActivityDate").And.Message.EqualTo("The activity date cannot be in the future."));
    }

    [Test]
    public void Evidence_is_refused_before_the_apprenticeship_starts_and_the_message_gives_the_start_date()
    {
        var enrolment = new EnrolmentBuilder().OnStandard(_standard).StartingOn(Clock.Today.AddDays(30)).Build();

        var refusal = Assert.Throws<DomainException>(() =>
            EvidenceItem.Draft(enrolment, _standard, Content() with { ActivityDate = Clock.Today }, [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal!.Message, Is.EqualTo($"Evidence can be logged from the day the apprenticeship starts, {Dates.Display(Clock.Today.AddDays(30))}."));
    }

    [Test]
    public void An_activity_date_of_today_is_allowed()
    {
        var item = Draft(Content() with { ActivityDate = Clock.Today });

        Assert.That(item.ActivityDate, Is.EqualTo(Clock.Today));
    }

    [Test]
    public void Today_is_the_date_given_not_the_machines_date()
    {
        var today = new DateOnly(2025, 1, 10);

        var refusal = Assert.Throws<DomainException>(() =>
            EvidenceItem.Draft(_enrolment, _standard, Content() with { ActivityDate = today.AddDays(1) }, [_d1.Id], [], today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ActivityDate"));
    }

    [Test]
    public void An_activity_date_before_the_enrolment_started_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(Content() with { ActivityDate = new DateOnly(2024, 9, 1) }));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ActivityDate")
            .And.Message.EqualTo("The activity date cannot be before the apprenticeship started (2 Sep 2024)."));
    }

    [Test]
    public void An_activity_date_on_the_start_date_is_allowed()
    {
        var item = Draft(Content() with { ActivityDate = new DateOnly(2024, 9, 2) });

        Assert.That(item.ActivityDate, Is.EqualTo(new DateOnly(2024, 9, 2)));
    }

    [Test]
    public void A_duty_of_another_version_of_the_standard_is_refused()
    {
        var otherVersion = SampleStandards.St0413("1.0");

        var refusal = Assert.Throws<DomainException>(() =>
            EvidenceItem.Draft(_enrolment, _standard, Content(), [_d1.Id, otherVersion.Duties[0].Id], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("DutyIds").And.Message.Contains("Choose duties of ST0413 v1.1"));
    }

    [Test]
    public void A_duty_of_another_standard_is_refused()
    {
        var another = SampleStandards.Another();

        var refusal = Assert.Throws<DomainException>(() =>
            EvidenceItem.Draft(_enrolment, _standard, Content(), [another.Duties[0].Id], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("DutyIds"));
    }

    [Test]
    public void A_KSB_of_another_standard_is_refused()
    {
        var another = SampleStandards.Another();

        var refusal = Assert.Throws<DomainException>(() =>
            EvidenceItem.Draft(_enrolment, _standard, Content(), [_d1.Id], [another.Ksbs[0].Id], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("KsbIds").And.Message.Contains("Choose KSBs of ST0413 v1.1"));
    }

    [Test]
    public void Drafting_against_a_standard_other_than_the_enrolments_is_refused()
    {
        var otherVersion = SampleStandards.St0413("1.0");

        Assert.Throws<ArgumentException>(() =>
            EvidenceItem.Draft(_enrolment, otherVersion, Content(), [otherVersion.Duties[0].Id], [], Clock.Today, Actors.Apprentice, Clock.Now));
    }

    [Test]
    public void Drafting_when_the_enrolment_is_not_active_is_refused()
    {
        _enrolment.StartBreakInLearning("Illness", Actors.ProviderAdmin, Clock.Now);

        var refusal = Assert.Throws<DomainException>(() => Draft(Content()));

        Assert.That(refusal, Has.Message.StartsWith("Evidence can be logged only while the apprenticeship is active"));
    }

    [Test]
    public void Editing_a_draft_changes_its_content_and_mapping()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Build();

        item.Edit(_enrolment, _standard, Content() with { Title = "Revised title" }, [_d2.Id], [], Clock.Today, Actors.Apprentice, Clock.Later(5));

        Assert.That(item.Title, Is.EqualTo("Revised title"));
        Assert.That(item.Duties.Select(d => d.DutyId), Is.EqualTo(new[] { _d2.Id }));
        Assert.That(item.UpdatedAt, Is.EqualTo(Clock.Later(5)));
        Assert.That(item.DequeueAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "evidence.edited" }));
    }

    [Test]
    public void Editing_an_item_referred_back_is_allowed()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).ReferredBack(by: _assessor).Build();

        item.Edit(_enrolment, _standard, Content() with { Title = "With what I did myself" }, [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now);

        Assert.That(item.Title, Is.EqualTo("With what I did myself"));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.ReferredBack));
    }

    [Test]
    public void Editing_checks_the_content_as_drafting_does()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Build();

        var refusal = Assert.Throws<DomainException>(() =>
            item.Edit(_enrolment, _standard, Content() with { ActivityDate = Clock.Today.AddDays(1) }, [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ActivityDate"));
    }

    [Test]
    public void Editing_a_submitted_item_is_refused_while_it_waits_for_review()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        var refusal = Assert.Throws<DomainException>(() =>
            item.Edit(_enrolment, _standard, Content(), [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("This item cannot be changed. It is waiting for an assessor's review."));
    }

    [Test]
    public void Editing_through_another_enrolment_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Build();
        var other = new EnrolmentBuilder().OnStandard(_standard).Build();

        Assert.Throws<ArgumentException>(() =>
            item.Edit(other, _standard, Content(), [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now));
    }

    [Test]
    public void Submitting_a_draft_without_a_duty_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).Build();

        var refusal = Assert.Throws<DomainException>(() => item.Submit(_enrolment, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("DutyIds").And.Message.Contains("at least one duty"));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Draft));
    }

    [Test]
    public void Submitting_a_draft_sends_it_for_review()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Build();

        item.Submit(_enrolment, Actors.Apprentice, Clock.Later(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
            Assert.That(item.SubmittedAt, Is.EqualTo(Clock.Later(10)));
            Assert.That(item.SubmissionCount, Is.EqualTo(1));
            Assert.That(item.IsEditable, Is.False);
        }
    }

    [Test]
    public void Submitting_records_an_audit_event()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).Titled("Ward round").MappedTo(_d1).Build();

        item.Submit(_enrolment, Actors.Apprentice, Clock.Later(10));

        var recorded = item.DequeueAuditEvents().Single();
        Assert.That(
            (recorded.Action, recorded.EntityId, recorded.EnrolmentId, recorded.ActorUserId, recorded.OccurredAt, recorded.Details),
            Is.EqualTo(("evidence.submitted", item.Id, (Guid?)_enrolment.Id, Actors.Apprentice.UserId, Clock.Later(10), "Ward round")));
    }

    [Test]
    public void Submitting_an_item_that_is_already_submitted_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        var refusal = Assert.Throws<DomainException>(() => item.Submit(_enrolment, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("This item is submitted and cannot be submitted again."));
        Assert.That(item.SubmissionCount, Is.EqualTo(1));
    }

    [Test]
    public void Resubmitting_after_a_refer_back_counts_a_second_submission()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).ReferredBack(by: _assessor).Build();

        item.Submit(_enrolment, Actors.Apprentice, Clock.Later(20));

        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
        Assert.That(item.SubmissionCount, Is.EqualTo(2));
        Assert.That(item.SubmittedAt, Is.EqualTo(Clock.Later(20)));
    }

    [Test]
    public void Resubmitting_records_a_resubmission_audit_event()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).ReferredBack(by: _assessor).Build();

        item.Submit(_enrolment, Actors.Apprentice, Clock.Later(20));

        Assert.That(item.DequeueAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "evidence.resubmitted" }));
    }

    [Test]
    public void An_assigned_assessor_accepts_a_submission_and_the_review_is_recorded()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        item.Accept(_enrolment, _assessor, " Clear and sufficient. ", Clock.Later(30));

        var review = item.Reviews.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Accepted));
            Assert.That(item.ReviewedAt, Is.EqualTo(Clock.Later(30)));
            Assert.That(review.Decision, Is.EqualTo(ReviewDecision.Accepted));
            Assert.That(review.Feedback, Is.EqualTo("Clear and sufficient."));
            Assert.That(review.AssessorId, Is.EqualTo(_assessor.Id));
            Assert.That(review.AssessorName, Is.EqualTo("Grace Adeyemi"));
            Assert.That(review.EvidenceItemId, Is.EqualTo(item.Id));
            Assert.That(review.ReviewedAt, Is.EqualTo(Clock.Later(30)));
        }
    }

    [Test]
    public void Accepting_records_an_audit_event_by_the_assessor()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        item.Accept(_enrolment, _assessor, null, Clock.Later(30));

        var recorded = item.DequeueAuditEvents().Single();
        Assert.That(
            (recorded.Action, recorded.EntityId, recorded.EnrolmentId, recorded.ActorUserId, recorded.ActorName, recorded.OccurredAt),
            Is.EqualTo(("evidence.accepted", item.Id, (Guid?)_enrolment.Id, _assessor.UserId, "Grace Adeyemi", Clock.Later(30))));
    }

    [Test]
    public void Accepting_without_feedback_is_allowed()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        item.Accept(_enrolment, _assessor, "  ", Clock.Now);

        Assert.That(item.Reviews.Single().Feedback, Is.Null);
    }

    [Test]
    public void Referring_back_returns_the_item_with_feedback()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        item.ReferBack(_enrolment, _assessor, "Say what you did yourself.", Clock.Later(30));

        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.ReferredBack));
        Assert.That(item.IsEditable, Is.True);
        Assert.That(item.Reviews.Single().Decision, Is.EqualTo(ReviewDecision.ReferredBack));
        Assert.That(item.Reviews.Single().Feedback, Is.EqualTo("Say what you did yourself."));
    }

    [Test]
    public void Referring_back_records_an_audit_event_with_the_feedback()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        item.ReferBack(_enrolment, _assessor, "Say what you did yourself.", Clock.Later(30));

        var recorded = item.DequeueAuditEvents().Single();
        Assert.That(
            (recorded.Action, recorded.ActorUserId, recorded.EntityId, recorded.Details),
            Is.EqualTo(("evidence.referred-back", _assessor.UserId, item.Id, "Say what you did yourself.")));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Referring_back_without_feedback_is_refused(string feedback)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        var refusal = Assert.Throws<DomainException>(() => item.ReferBack(_enrolment, _assessor, feedback, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Feedback"));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
        Assert.That(item.Reviews, Is.Empty);
    }

    [Test]
    public void Feedback_longer_than_the_limit_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        var refusal = Assert.Throws<DomainException>(() =>
            item.ReferBack(_enrolment, _assessor, new string('f', EvidenceReview.FeedbackMaxLength + 1), Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Feedback"));
    }

    [TestCase(EvidenceStatus.Draft)]
    [TestCase(EvidenceStatus.Accepted)]
    [TestCase(EvidenceStatus.ReferredBack)]
    public void Accepting_an_item_that_is_not_submitted_is_refused(EvidenceStatus status)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).InStatus(status, _assessor).Build();
        var reviewsBefore = item.Reviews.Count;

        var refusal = Assert.Throws<DomainException>(() => item.Accept(_enrolment, _assessor, null, Clock.Later(1)));

        Assert.That(refusal, Has.Message.EndsWith("only submitted evidence can be reviewed."));
        Assert.That(item.Status, Is.EqualTo(status));
        Assert.That(item.Reviews, Has.Count.EqualTo(reviewsBefore));
    }

    [TestCase(EvidenceStatus.Draft, "a draft")]
    [TestCase(EvidenceStatus.Accepted, "accepted")]
    [TestCase(EvidenceStatus.ReferredBack, "referred back")]
    public void Reviewing_an_item_that_is_not_submitted_says_in_words_what_it_is(EvidenceStatus status, string phrase)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).InStatus(status, _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => item.Accept(_enrolment, _assessor, null, Clock.Later(1)));

        Assert.That(refusal, Has.Message.EqualTo($"This item is {phrase}; only submitted evidence can be reviewed."));
    }

    [TestCase(EvidenceStatus.Draft)]
    [TestCase(EvidenceStatus.Accepted)]
    [TestCase(EvidenceStatus.ReferredBack)]
    public void Referring_back_an_item_that_is_not_submitted_is_refused(EvidenceStatus status)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).InStatus(status, _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => item.ReferBack(_enrolment, _assessor, "Change it.", Clock.Later(1)));

        Assert.That(refusal, Has.Message.EndsWith("only submitted evidence can be reviewed."));
        Assert.That(item.Status, Is.EqualTo(status));
    }

    [Test]
    public void Accepting_by_an_assessor_who_is_not_assigned_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();
        var other = new AssessorBuilder().Build();

        var refusal = Assert.Throws<DomainException>(() => item.Accept(_enrolment, other, null, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("Only an assessor assigned to this apprentice can review their evidence."));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
    }

    [Test]
    public void Referring_back_by_an_assessor_who_is_not_assigned_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();
        var other = new AssessorBuilder().Build();

        Assert.Throws<DomainException>(() => item.ReferBack(_enrolment, other, "Change it.", Clock.Now));

        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
    }

    [Test]
    public void Reviewing_through_another_enrolment_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();
        var other = new EnrolmentBuilder().OnStandard(_standard).WithAssessor(_assessor).Build();

        Assert.Throws<ArgumentException>(() => item.Accept(other, _assessor, null, Clock.Now));
    }

    [Test]
    public void The_history_of_reviews_is_kept_oldest_first()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();
        item.ReferBack(_enrolment, _assessor, "First: say what you did.", Clock.Later(10));
        item.Submit(_enrolment, Actors.Apprentice, Clock.Later(20));
        item.ReferBack(_enrolment, _assessor, "Second: add the date.", Clock.Later(30));
        item.Submit(_enrolment, Actors.Apprentice, Clock.Later(40));

        item.Accept(_enrolment, _assessor, "Third: accepted.", Clock.Later(50));

        Assert.That(
            item.Reviews.Select(r => (r.Decision, r.Feedback)),
            Is.EqualTo(new[]
            {
                (ReviewDecision.ReferredBack, "First: say what you did."),
                (ReviewDecision.ReferredBack, "Second: add the date."),
                (ReviewDecision.Accepted, "Third: accepted."),
            }));
        Assert.That(item.SubmissionCount, Is.EqualTo(3));
    }

    [Test]
    public void Editing_accepted_evidence_is_refused_because_it_is_locked()
    {
        var item = Accepted();

        var refusal = Assert.Throws<DomainException>(() =>
            item.Edit(_enrolment, _standard, Content() with { Title = "Changed" }, [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("This item cannot be changed. Accepted evidence is locked; start a revision to change it."));
        Assert.That(item.Title, Is.Not.EqualTo("Changed"));
    }

    [Test]
    public void Attaching_to_accepted_evidence_is_refused_because_it_is_locked()
    {
        var item = Accepted();

        var refusal = Assert.Throws<DomainException>(() => item.Attach(_enrolment, Files.Pdf(), 10, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.Contains("Accepted evidence is locked"));
        Assert.That(item.Attachments, Is.Empty);
    }

    [Test]
    public void Detaching_from_accepted_evidence_is_refused_because_it_is_locked()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).WithAttachment(Files.Pdf()).Accepted(by: _assessor).Build();
        var attachment = item.Attachments.Single();

        var refusal = Assert.Throws<DomainException>(() => item.Detach(_enrolment, attachment.Id, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.Contains("Accepted evidence is locked"));
        Assert.That(item.Attachments, Has.Count.EqualTo(1));
    }

    [Test]
    public void Submitting_accepted_evidence_is_refused()
    {
        var item = Accepted();

        var refusal = Assert.Throws<DomainException>(() => item.Submit(_enrolment, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("This item is accepted and cannot be submitted again."));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Accepted));
    }

    [TestCase(EvidenceStatus.Draft, true)]
    [TestCase(EvidenceStatus.Submitted, false)]
    [TestCase(EvidenceStatus.Accepted, false)]
    [TestCase(EvidenceStatus.ReferredBack, true)]
    public void Only_drafts_and_items_referred_back_are_editable(EvidenceStatus status, bool editable)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).InStatus(status, _assessor).Build();

        Assert.That(item.IsEditable, Is.EqualTo(editable));
    }

    [Test]
    public void Revising_accepted_evidence_starts_a_new_draft_revision_with_the_same_content()
    {
        var k1 = _standard.Ksbs.Single(k => k.Code == "K1");
        var accepted = new EvidenceBuilder(_enrolment, _standard).Titled("Ward round").OfType(EvidenceType.CaseStudy)
            .MappedTo(_d1, _d2).SupportingKsbs(k1).WithAttachment(Files.Pdf("notes.pdf")).Accepted(by: _assessor).Build();

        var revision = accepted.Revise(_enrolment, Actors.Apprentice, Clock.Later(60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(revision.Id, Is.Not.EqualTo(accepted.Id));
            Assert.That(revision.Status, Is.EqualTo(EvidenceStatus.Draft));
            Assert.That(revision.RevisionNumber, Is.EqualTo(2));
            Assert.That(revision.RevisionOfId, Is.EqualTo(accepted.Id));
            Assert.That(revision.EnrolmentId, Is.EqualTo(_enrolment.Id));
            Assert.That(revision.Title, Is.EqualTo("Ward round"));
            Assert.That(revision.Type, Is.EqualTo(EvidenceType.CaseStudy));
            Assert.That(revision.ActivityDate, Is.EqualTo(accepted.ActivityDate));
            Assert.That(revision.Description, Is.EqualTo(accepted.Description));
            Assert.That(revision.Duties.Select(d => d.DutyId), Is.EquivalentTo(new[] { _d1.Id, _d2.Id }));
            Assert.That(revision.Duties.Select(d => d.EvidenceItemId), Is.All.EqualTo(revision.Id));
            Assert.That(revision.Ksbs.Select(k => k.KsbId), Is.EqualTo(new[] { k1.Id }));
            Assert.That(revision.Reviews, Is.Empty);
            Assert.That(revision.SubmissionCount, Is.Zero);
            Assert.That(revision.CreatedAt, Is.EqualTo(Clock.Later(60)));
        }
    }

    [Test]
    public void Revising_copies_the_attachment_records_to_the_revision()
    {
        var accepted = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).WithAttachment(Files.Pdf("notes.pdf")).Accepted(by: _assessor).Build();
        var original = accepted.Attachments.Single();

        var copy = accepted.Revise(_enrolment, Actors.Apprentice, Clock.Now).Attachments.Single();

        Assert.That(copy.Id, Is.Not.EqualTo(original.Id));
        Assert.That(
            (copy.FileName, copy.SizeBytes, copy.Sha256, copy.ContentType, copy.StorageKey),
            Is.EqualTo((original.FileName, original.SizeBytes, original.Sha256, original.ContentType, original.StorageKey)));
        Assert.That(original.EvidenceItemId, Is.EqualTo(accepted.Id));
    }

    [Test]
    public void Revising_leaves_the_accepted_item_unchanged()
    {
        var accepted = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).WithAttachment(Files.Pdf()).Accepted(by: _assessor).Build();
        var stamp = accepted.ConcurrencyStamp;
        var updatedAt = accepted.UpdatedAt;

        var revision = accepted.Revise(_enrolment, Actors.Apprentice, Clock.Later(60));
        revision.Edit(_enrolment, _standard, Content() with { Title = "Better title" }, [_d2.Id], [], Clock.Today, Actors.Apprentice, Clock.Later(61));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.Status, Is.EqualTo(EvidenceStatus.Accepted));
            Assert.That(accepted.Title, Is.EqualTo("Observation of a calibration check"));
            Assert.That(accepted.Duties.Select(d => d.DutyId), Is.EqualTo(new[] { _d1.Id }));
            Assert.That(accepted.Attachments, Has.Count.EqualTo(1));
            Assert.That(accepted.ConcurrencyStamp, Is.EqualTo(stamp));
            Assert.That(accepted.UpdatedAt, Is.EqualTo(updatedAt));
            Assert.That(accepted.PendingAuditEvents(), Is.Empty);
        }
    }

    [Test]
    public void Revising_records_an_audit_event_for_the_revision()
    {
        var accepted = new EvidenceBuilder(_enrolment, _standard).Titled("Ward round").MappedTo(_d1).Accepted(by: _assessor).Build();

        var revision = accepted.Revise(_enrolment, Actors.Apprentice, Clock.Later(60));

        var recorded = revision.PendingAuditEvents().Single();
        Assert.That(
            (recorded.Action, recorded.EntityId, recorded.EnrolmentId, recorded.Details),
            Is.EqualTo(("evidence.revision-started", revision.Id, (Guid?)_enrolment.Id, "Revision 2 of 'Ward round'")));
    }

    [Test]
    public void A_revision_of_an_accepted_revision_counts_up_again()
    {
        var revision = Accepted().Revise(_enrolment, Actors.Apprentice, Clock.Now);
        revision.Submit(_enrolment, Actors.Apprentice, Clock.Later(1));
        revision.Accept(_enrolment, _assessor, null, Clock.Later(2));

        var third = revision.Revise(_enrolment, Actors.Apprentice, Clock.Later(3));

        Assert.That(third.RevisionNumber, Is.EqualTo(3));
        Assert.That(third.RevisionOfId, Is.EqualTo(revision.Id));
    }

    [TestCase(EvidenceStatus.Draft)]
    [TestCase(EvidenceStatus.Submitted)]
    [TestCase(EvidenceStatus.ReferredBack)]
    public void Revising_evidence_that_is_not_accepted_is_refused(EvidenceStatus status)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).InStatus(status, _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => item.Revise(_enrolment, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.StartsWith("Only accepted evidence is revised"));
    }

    [Test]
    public void Discarding_a_draft_records_its_deletion()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).Titled("Ward round").Build();

        item.Discard(Actors.Apprentice, Clock.Later(5));

        var recorded = item.DequeueAuditEvents().Single();
        Assert.That((recorded.Action, recorded.EntityId, recorded.Details), Is.EqualTo(("evidence.deleted", item.Id, "Ward round")));
    }

    [TestCase(EvidenceStatus.Submitted)]
    [TestCase(EvidenceStatus.Accepted)]
    [TestCase(EvidenceStatus.ReferredBack)]
    public void Discarding_evidence_that_is_not_a_draft_is_refused(EvidenceStatus status)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).InStatus(status, _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => item.Discard(Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("Only a draft can be deleted. Submitted and reviewed evidence stays on record."));
        Assert.That(item.PendingAuditEvents(), Is.Empty);
    }

    [Test]
    public void Attaching_a_file_adds_it_to_the_item()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).Build();
        var file = Files.Pdf("calibration-log.pdf", 2_516_582);

        item.Attach(_enrolment, file, 10, Actors.Apprentice, Clock.Later(5));

        Assert.That(item.Attachments, Is.EqualTo(new[] { file }));
        Assert.That(file.EvidenceItemId, Is.EqualTo(item.Id));
    }

    [Test]
    public void Attaching_a_file_records_its_name_size_and_hash()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).Build();

        item.Attach(_enrolment, Files.Pdf("calibration-log.pdf", 2_516_582), 10, Actors.Apprentice, Clock.Later(5));

        var recorded = item.DequeueAuditEvents().Single();
        Assert.That(
            (recorded.Action, recorded.EntityId, recorded.Details),
            Is.EqualTo(("evidence.file-attached", item.Id, $"calibration-log.pdf (2.4 MB, SHA-256 {Files.Sha256})")));
    }

    [Test]
    public void Attaching_up_to_the_limit_is_allowed()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).WithAttachment(Files.Pdf("a.pdf")).WithAttachment(Files.Pdf("b.pdf")).Build();

        item.Attach(_enrolment, Files.Pdf("c.pdf"), 3, Actors.Apprentice, Clock.Now);

        Assert.That(item.Attachments, Has.Count.EqualTo(3));
    }

    [Test]
    public void Attaching_beyond_the_limit_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).WithAttachment(Files.Pdf("a.pdf")).WithAttachment(Files.Pdf("b.pdf")).Build();

        var refusal = Assert.Throws<DomainException>(() => item.Attach(_enrolment, Files.Pdf("c.pdf"), 2, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments").And.Message.EqualTo("An item of evidence can have at most 2 files."));
        Assert.That(item.Attachments, Has.Count.EqualTo(2));
    }

    [Test]
    public void Attaching_to_a_submitted_item_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        var refusal = Assert.Throws<DomainException>(() => item.Attach(_enrolment, Files.Pdf(), 10, Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Message.Contains("waiting for an assessor's review"));
    }

    [Test]
    public void Detaching_a_file_removes_it_and_returns_its_record()
    {
        var file = Files.Pdf("notes.pdf");
        var item = new EvidenceBuilder(_enrolment, _standard).WithAttachment(file).WithAttachment(Files.Pdf("other.pdf")).Build();

        var detached = item.Detach(_enrolment, file.Id, Actors.Apprentice, Clock.Later(5));

        Assert.That(detached, Is.SameAs(file));
        Assert.That(item.Attachments.Select(a => a.FileName), Is.EqualTo(new[] { "other.pdf" }));
    }

    [Test]
    public void Detaching_a_file_records_an_audit_event()
    {
        var file = Files.Pdf("notes.pdf");
        var item = new EvidenceBuilder(_enrolment, _standard).WithAttachment(file).Build();

        item.Detach(_enrolment, file.Id, Actors.Apprentice, Clock.Later(5));

        var recorded = item.DequeueAuditEvents().Single();
        Assert.That((recorded.Action, recorded.Details), Is.EqualTo(("evidence.file-removed", "notes.pdf")));
    }

    [Test]
    public void Detaching_a_file_that_is_not_attached_is_refused()
    {
        var item = new EvidenceBuilder(_enrolment, _standard).WithAttachment(Files.Pdf()).Build();

        var refusal = Assert.Throws<DomainException>(() => item.Detach(_enrolment, Guid.NewGuid(), Actors.Apprentice, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Attachments"));
        Assert.That(item.Attachments, Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(Changes))]
    public void Every_change_gives_a_new_concurrency_stamp(EvidenceStatus from, Action<EvidenceItemTests, EvidenceItem> change)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).WithAttachment(Files.Pdf()).InStatus(from, _assessor).Build();
        var before = item.ConcurrencyStamp;

        change(this, item);

        Assert.That(item.ConcurrencyStamp, Is.Not.EqualTo(before));
    }

    [TestCaseSource(nameof(Changes))]
    public void Every_change_records_exactly_one_audit_event(EvidenceStatus from, Action<EvidenceItemTests, EvidenceItem> change)
    {
        var item = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).WithAttachment(Files.Pdf()).InStatus(from, _assessor).Build();

        change(this, item);

        Assert.That(item.DequeueAuditEvents(), Has.Count.EqualTo(1));
        Assert.That(item.PendingAuditEvents(), Is.Empty);
    }

    [TestCaseSource(nameof(ApprenticeChangesWhileNotActive))]
    public void The_apprentice_s_changes_to_evidence_are_refused_unless_the_apprenticeship_is_active(
        EnrolmentStatus status, EvidenceStatus from, string verb, Action<EvidenceItemTests, Enrolment, EvidenceItem> change)
    {
        var enrolment = ReadyForGateway();
        var item = new EvidenceBuilder(enrolment, _standard).MappedTo(_d1).WithAttachment(Files.Pdf()).InStatus(from, _assessor).Build();
        var stamp = item.ConcurrencyStamp;
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);

        var refusal = Assert.Throws<DomainException>(() => change(this, enrolment, item));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Has.Message.EqualTo($"Evidence can be {verb} only while the apprenticeship is active; it is {status.StatePhrase()}."));
            Assert.That(item.Status, Is.EqualTo(from));
            Assert.That(item.ConcurrencyStamp, Is.EqualTo(stamp));
            Assert.That(item.Attachments, Has.Count.EqualTo(1));
            Assert.That(item.PendingAuditEvents(), Is.Empty);
        }
    }

    [TestCase(EnrolmentStatus.BreakInLearning)]
    [TestCase(EnrolmentStatus.Gateway)]
    [TestCase(EnrolmentStatus.Withdrawn)]
    [TestCase(EnrolmentStatus.Completed)]
    public void Discarding_a_draft_is_allowed_whatever_the_status_of_the_apprenticeship(EnrolmentStatus status)
    {
        var enrolment = ReadyForGateway();
        var item = new EvidenceBuilder(enrolment, _standard).MappedTo(_d1).Build();
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);

        item.Discard(Actors.Apprentice, Clock.Later(5));

        Assert.That(item.DequeueAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "evidence.deleted" }));
    }

    [TestCase(EnrolmentStatus.Withdrawn, ReviewDecision.Accepted)]
    [TestCase(EnrolmentStatus.Withdrawn, ReviewDecision.ReferredBack)]
    [TestCase(EnrolmentStatus.Completed, ReviewDecision.Accepted)]
    [TestCase(EnrolmentStatus.Completed, ReviewDecision.ReferredBack)]
    public void Reviewing_is_refused_once_the_apprenticeship_is_withdrawn_or_completed(EnrolmentStatus status, ReviewDecision decision)
    {
        var enrolment = ReadyForGateway();
        var item = new EvidenceBuilder(enrolment, _standard).MappedTo(_d1).Submitted().Build();
        var stamp = item.ConcurrencyStamp;
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);

        var refusal = Assert.Throws<DomainException>(() => Decide(item, enrolment, decision));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Has.Message.EqualTo($"You cannot review evidence: the apprenticeship is {status.StatePhrase()}, and its record is closed."));
            Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
            Assert.That(item.Reviews, Is.Empty);
            Assert.That(item.ConcurrencyStamp, Is.EqualTo(stamp));
        }
    }

    [TestCase(EnrolmentStatus.BreakInLearning, ReviewDecision.Accepted)]
    [TestCase(EnrolmentStatus.BreakInLearning, ReviewDecision.ReferredBack)]
    [TestCase(EnrolmentStatus.Gateway, ReviewDecision.Accepted)]
    [TestCase(EnrolmentStatus.Gateway, ReviewDecision.ReferredBack)]
    public void Reviewing_stays_open_during_a_break_in_learning_and_at_gateway(EnrolmentStatus status, ReviewDecision decision)
    {
        var enrolment = ReadyForGateway();
        var item = new EvidenceBuilder(enrolment, _standard).MappedTo(_d1).Submitted().Build();
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);

        Decide(item, enrolment, decision);

        Assert.That(item.Reviews.Single().Decision, Is.EqualTo(decision));
    }

    [Test]
    public void Evidence_types_have_names_in_British_English()
    {
        Assert.That(EvidenceType.CpdRecord.DisplayName(), Is.EqualTo("CPD or training record"));
        Assert.That(EvidenceStatus.ReferredBack.DisplayName(), Is.EqualTo("Referred back"));
    }

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return Change("edit", EvidenceStatus.Draft, (t, item) =>
            item.Edit(t._enrolment, t._standard, t.Content() with { Title = "Edited" }, [t._d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Later(1)));
        yield return Change("attach", EvidenceStatus.Draft, (t, item) => item.Attach(t._enrolment, Files.Pdf("more.pdf"), 10, Actors.Apprentice, Clock.Later(1)));
        yield return Change("detach", EvidenceStatus.Draft, (t, item) => item.Detach(t._enrolment, item.Attachments.First().Id, Actors.Apprentice, Clock.Later(1)));
        yield return Change("submit", EvidenceStatus.Draft, (t, item) => item.Submit(t._enrolment, Actors.Apprentice, Clock.Later(1)));
        yield return Change("resubmit", EvidenceStatus.ReferredBack, (t, item) => item.Submit(t._enrolment, Actors.Apprentice, Clock.Later(1)));
        yield return Change("accept", EvidenceStatus.Submitted, (t, item) => item.Accept(t._enrolment, t._assessor, null, Clock.Later(1)));
        yield return Change("refer_back", EvidenceStatus.Submitted, (t, item) => item.ReferBack(t._enrolment, t._assessor, "Change it.", Clock.Later(1)));
    }

    /// <summary>Each change the apprentice makes to evidence, in each status of the apprenticeship other than active.</summary>
    private static IEnumerable<TestCaseData> ApprenticeChangesWhileNotActive()
    {
        var changes = new (string Name, EvidenceStatus From, string Verb, Action<EvidenceItemTests, Enrolment, EvidenceItem> Change)[]
        {
            ("edit", EvidenceStatus.Draft, "changed", (t, enrolment, item) =>
                item.Edit(enrolment, t._standard, t.Content() with { Title = "Edited" }, [t._d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Later(1))),
            ("attach", EvidenceStatus.Draft, "changed", (_, enrolment, item) => item.Attach(enrolment, Files.Pdf("more.pdf"), 10, Actors.Apprentice, Clock.Later(1))),
            ("detach", EvidenceStatus.Draft, "changed", (_, enrolment, item) => item.Detach(enrolment, item.Attachments.First().Id, Actors.Apprentice, Clock.Later(1))),
            ("submit", EvidenceStatus.Draft, "submitted", (_, enrolment, item) => item.Submit(enrolment, Actors.Apprentice, Clock.Later(1))),
            ("resubmit", EvidenceStatus.ReferredBack, "submitted", (_, enrolment, item) => item.Submit(enrolment, Actors.Apprentice, Clock.Later(1))),
            ("revise", EvidenceStatus.Accepted, "revised", (_, enrolment, item) => item.Revise(enrolment, Actors.Apprentice, Clock.Later(1))),
        };
        foreach (var status in new[] { EnrolmentStatus.BreakInLearning, EnrolmentStatus.Gateway, EnrolmentStatus.Withdrawn, EnrolmentStatus.Completed })
        {
            foreach (var (name, from, verb, change) in changes)
            {
                yield return new TestCaseData(status, from, verb, change).SetArgDisplayNames(name, status.ToString());
            }
        }
    }

    private void Decide(EvidenceItem item, Enrolment enrolment, ReviewDecision decision)
    {
        if (decision == ReviewDecision.Accepted)
        {
            item.Accept(enrolment, _assessor, null, Clock.Later(1));
        }
        else
        {
            item.ReferBack(enrolment, _assessor, "Say what you did yourself.", Clock.Later(1));
        }
    }

    /// <summary>An active enrolment with every duty signed off and every gateway item confirmed, so it can move to any status.</summary>
    private Enrolment ReadyForGateway() =>
        new EnrolmentBuilder().OnStandard(_standard).StartingOn(new DateOnly(2024, 9, 2)).WithAssessor(_assessor).ReadyForGateway().Build();

    private static TestCaseData Change(string name, EvidenceStatus from, Action<EvidenceItemTests, EvidenceItem> change) =>
        new TestCaseData(from, change).SetArgDisplayNames(name);

    private EvidenceContent Content() =>
        new("Observation of a calibration check", EvidenceType.Observation, new DateOnly(2025, 3, 10), "What I did, and what I learnt from it.");

    private EvidenceItem Draft(EvidenceContent content) =>
        EvidenceItem.Draft(_enrolment, _standard, content, [_d1.Id], [], Clock.Today, Actors.Apprentice, Clock.Now);

    private EvidenceItem Accepted() =>
        new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Accepted(by: _assessor).Build();
}
