using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Domain.Tests.OffTheJob;

public class OffTheJobEntryTests
{
    private static readonly IReadOnlySet<Guid> NoEvidence = new HashSet<Guid>();

    private readonly Standard _standard = SampleStandards.St0413();

    private Enrolment NewEnrolment(EnrolmentStatus status = EnrolmentStatus.Active) =>
        new EnrolmentBuilder().OnStandard(_standard).StartingOn(new DateOnly(2024, 9, 2)).InStatus(status).Build();

    private static OffTheJobContent Shadowing(DateOnly? on = null, int minutes = 60) =>
        new(on ?? Clock.Today, minutes, OffTheJobActivityKind.Shadowing, "How the echo clinic triages referrals.");

    private Refusals RefusalsOf(Enrolment enrolment, OffTheJobContent content, int alreadyThatDay = 0, DateOnly? today = null, IEnumerable<Guid>? duties = null) =>
        OffTheJobEntry.RefusalsOf(enrolment, _standard, content, duties ?? [], [], NoEvidence, alreadyThatDay, today ?? Clock.Today);

    private OffTheJobEntry Logged(Enrolment enrolment) =>
        OffTheJobEntry.Log(enrolment, _standard, Shadowing(), [_standard.Duties[0].Id], [], NoEvidence, 0, Clock.Today, Actors.Apprentice, Clock.Now);

    [Test]
    public void Logging_an_hour_of_shadowing_waits_for_approval_and_is_audited()
    {
        var enrolment = NewEnrolment();

        var entry = Logged(enrolment);

        Assert.That(entry.Status, Is.EqualTo(OffTheJobEntryStatus.Waiting));
        Assert.That(entry.Minutes, Is.EqualTo(60));
        Assert.That(entry.Duties.Single().DutyId, Is.EqualTo(_standard.Duties[0].Id));
        Assert.That(entry.PendingAuditEvents().Single().Action, Is.EqualTo("otj.logged"));
    }

    [Test]
    public void A_date_in_the_future_is_refused_at_the_date()
    {
        var refusal = RefusalsOf(NewEnrolment(), Shadowing(Clock.Today.AddDays(1))).Single();

        Assert.That(refusal.Field, Is.EqualTo(OffTheJobEntry.Fields.ActivityDate));
        Assert.That(refusal.Message, Does.Contain("future"));
    }

    [Test]
    public void A_date_before_the_start_is_refused_and_the_start_itself_is_allowed()
    {
        var enrolment = NewEnrolment();

        Assert.That(RefusalsOf(enrolment, Shadowing(enrolment.StartDate.AddDays(-1))).Single().Message, Does.Contain("before the apprenticeship started (2 Sep 2024)"));
        Assert.That(RefusalsOf(enrolment, Shadowing(enrolment.StartDate)), Is.Empty);
    }

    [Test]
    public void A_date_after_gateway_is_refused_and_the_gateway_day_itself_is_allowed()
    {
        var enrolment = NewEnrolment(EnrolmentStatus.Gateway);
        var gateway = enrolment.GatewayPassedOn!.Value;

        var after = RefusalsOf(enrolment, Shadowing(gateway.AddDays(1)), today: gateway.AddDays(5)).Single();
        var on = RefusalsOf(enrolment, Shadowing(gateway), today: gateway.AddDays(5));

        Assert.That(after.Field, Is.EqualTo(OffTheJobEntry.Fields.ActivityDate));
        Assert.That(after.Message, Does.Contain("after gateway"));
        Assert.That(on, Is.Empty);
    }

    [TestCase(0, "more than zero")]
    [TestCase(-30, "more than zero")]
    [TestCase(12 * 60 + 1, "at most 12 hours")]
    public void A_duration_of_zero_or_less_or_over_12_hours_is_refused_at_the_duration(int minutes, string message)
    {
        var refusal = RefusalsOf(NewEnrolment(), Shadowing(minutes: minutes)).Single();

        Assert.That(refusal.Field, Is.EqualTo(OffTheJobEntry.Fields.Duration));
        Assert.That(refusal.Message, Does.Contain(message));
    }

    [Test]
    public void Exactly_12_hours_is_allowed()
    {
        Assert.That(RefusalsOf(NewEnrolment(), Shadowing(minutes: 12 * 60)), Is.Empty);
    }

    [Test]
    public void More_than_24_hours_on_one_day_across_entries_is_refused_and_exactly_24_is_allowed()
    {
        var enrolment = NewEnrolment();

        var over = RefusalsOf(enrolment, Shadowing(minutes: 12 * 60), alreadyThatDay: (12 * 60) + 1).Single();
        var exactly = RefusalsOf(enrolment, Shadowing(minutes: 12 * 60), alreadyThatDay: 12 * 60);

        Assert.That(over.Message, Does.Contain("at most 24 hours"));
        Assert.That(exactly, Is.Empty);
    }

    [TestCase(OffTheJobActivityKind.Induction, "Induction")]
    [TestCase(OffTheJobActivityKind.EnglishAndMaths, "English and maths")]
    [TestCase(OffTheJobActivityKind.ProgressReview, "Progress reviews")]
    [TestCase(OffTheJobActivityKind.EndPointAssessmentPreparation, "after gateway")]
    [TestCase(OffTheJobActivityKind.OutsideContractedHours, "contracted hours")]
    public void Each_excluded_kind_is_refused_at_the_kind_saying_why(OffTheJobActivityKind kind, string why)
    {
        var refusal = RefusalsOf(NewEnrolment(), Shadowing() with { Kind = kind }).Single();

        Assert.That(refusal.Field, Is.EqualTo(OffTheJobEntry.Fields.Kind));
        Assert.That(refusal.Message, Does.Contain(why));
    }

    [Test]
    public void What_was_learnt_is_required()
    {
        var refusal = RefusalsOf(NewEnrolment(), Shadowing() with { WhatWasLearnt = "  " }).Single();

        Assert.That(refusal.Field, Is.EqualTo(OffTheJobEntry.Fields.WhatWasLearnt));
    }

    [Test]
    public void A_duty_of_another_standard_is_refused_at_the_duties()
    {
        var other = SampleStandards.Another();

        var refusal = RefusalsOf(NewEnrolment(), Shadowing(), duties: [other.Duties[0].Id]).Single();

        Assert.That(refusal.Field, Is.EqualTo(OffTheJobEntry.Fields.DutyIds));
    }

    [Test]
    public void Evidence_that_is_not_the_apprentice_s_own_is_refused_at_the_evidence()
    {
        var refusal = OffTheJobEntry.RefusalsOf(NewEnrolment(), _standard, Shadowing(), [], [Guid.NewGuid()], NoEvidence, 0, Clock.Today).Single();

        Assert.That(refusal.Field, Is.EqualTo(OffTheJobEntry.Fields.EvidenceIds));
    }

    [Test]
    public void Every_refusal_of_one_entry_is_reported_at_once()
    {
        var content = new OffTheJobContent(Clock.Today.AddDays(3), 0, OffTheJobActivityKind.Induction, "");

        var fields = RefusalsOf(NewEnrolment(), content).Select(r => r.Field);

        Assert.That(fields, Is.EquivalentTo(new[] { OffTheJobEntry.Fields.ActivityDate, OffTheJobEntry.Fields.Duration, OffTheJobEntry.Fields.Kind, OffTheJobEntry.Fields.WhatWasLearnt }));
    }

    [Test]
    public void Nothing_can_be_logged_on_a_withdrawn_apprenticeship()
    {
        var refusal = RefusalsOf(NewEnrolment(EnrolmentStatus.Withdrawn), Shadowing()).Single();

        Assert.That(refusal.Message, Does.Contain("withdrawn"));
    }

    [Test]
    public void Log_throws_the_first_refusal()
    {
        var enrolment = NewEnrolment();

        Assert.Throws<DomainException>(() =>
            OffTheJobEntry.Log(enrolment, _standard, Shadowing(minutes: 0), [], [], NoEvidence, 0, Clock.Today, Actors.Apprentice, Clock.Now));
    }

    [Test]
    public void Approving_counts_the_entry_and_locks_it()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);

        entry.Approve(enrolment, Actors.ProviderAdmin, Clock.Later(5));

        Assert.That(entry.Status, Is.EqualTo(OffTheJobEntryStatus.Approved));
        Assert.That(entry.DecidedByName, Is.EqualTo("Priya Shah"));
        Assert.That(() => entry.Delete(enrolment, Actors.Apprentice, Clock.Later(6)), Throws.TypeOf<DomainException>().With.Message.Contains("approved"));
        Assert.That(
            () => entry.Amend(enrolment, _standard, Shadowing(minutes: 30), [], [], NoEvidence, 0, Clock.Today, Actors.Apprentice, Clock.Later(6)),
            Throws.TypeOf<DomainException>());
    }

    [Test]
    public void A_query_needs_a_reason()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);

        var refusal = Assert.Throws<DomainException>(() => entry.Query(enrolment, " ", Actors.ProviderAdmin, Clock.Later(5)));

        Assert.That(refusal!.Field, Is.EqualTo(OffTheJobEntry.Fields.Reason));
        Assert.That(entry.Status, Is.EqualTo(OffTheJobEntryStatus.Waiting));
    }

    [Test]
    public void A_queried_entry_amended_by_the_apprentice_waits_again_and_keeps_the_reason()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);
        entry.Query(enrolment, "Was this during your shift?", Actors.ProviderAdmin, Clock.Later(5));
        entry.DequeueAuditEvents();

        entry.Amend(enrolment, _standard, Shadowing(minutes: 45), [], [], NoEvidence, 0, Clock.Today, Actors.Apprentice, Clock.Later(6));

        Assert.That(entry.Status, Is.EqualTo(OffTheJobEntryStatus.Waiting));
        Assert.That(entry.Minutes, Is.EqualTo(45));
        Assert.That(entry.QueryReason, Is.EqualTo("Was this during your shift?"));
        Assert.That(entry.PendingAuditEvents().Single().Action, Is.EqualTo("otj.resubmitted"));
    }

    [Test]
    public void A_queried_entry_cannot_be_approved_until_amended()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);
        entry.Query(enrolment, "Which clinic?", Actors.ProviderAdmin, Clock.Later(5));

        Assert.That(() => entry.Approve(enrolment, Actors.ProviderAdmin, Clock.Later(6)), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void A_cohort_session_is_approved_as_recorded_and_the_apprentice_may_add_what_they_learnt()
    {
        var enrolment = NewEnrolment();

        var entry = OffTheJobEntry.RecordCohortSession(enrolment, _standard, Clock.Today, 120, "Lecture: cardiac physiology", 0, Clock.Today, Actors.ProviderAdmin, Clock.Now);
        entry.Reflect(enrolment, "The conduction system, and reading a 12-lead ECG.", Actors.Apprentice, Clock.Later(1));

        Assert.That(entry.Status, Is.EqualTo(OffTheJobEntryStatus.Approved));
        Assert.That(entry.Kind, Is.EqualTo(OffTheJobActivityKind.TaughtSession));
        Assert.That(entry.Source, Is.EqualTo(OffTheJobEntrySource.CohortSession));
        Assert.That(entry.Reflection, Does.StartWith("The conduction system"));
    }
    private static FileDescription Certificate(string name = "Echo course certificate.pdf") =>
        FileDescription.Describe(name, 48_213, Files.Sha256, "application/pdf", Guid.NewGuid().ToString("N"), Clock.Now, OffTheJobEntry.Fields.Attachment);

    [Test]
    public void Attaching_a_file_to_a_waiting_entry_keeps_it_and_is_audited()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);
        entry.DequeueAuditEvents();
        var file = Certificate();

        entry.Attach(enrolment, file, Actors.Apprentice, Clock.Later(1));

        Assert.That(entry.Attachment, Is.EqualTo(file));
        Assert.That(entry.PendingAuditEvents().Single().Action, Is.EqualTo("otj.file-attached"));
    }

    [Test]
    public void A_file_of_an_approved_entry_cannot_be_changed()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);
        entry.Approve(enrolment, Actors.ProviderAdmin, Clock.Later(1));

        Assert.That(() => entry.Attach(enrolment, Certificate(), Actors.Apprentice, Clock.Later(2)), Throws.TypeOf<DomainException>());
        Assert.That(() => entry.RemoveAttachment(enrolment, Actors.Apprentice, Clock.Later(2)), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void Removing_the_file_leaves_the_entry_without_one_and_is_audited()
    {
        var enrolment = NewEnrolment();
        var entry = Logged(enrolment);
        entry.Attach(enrolment, Certificate(), Actors.Apprentice, Clock.Later(1));
        entry.DequeueAuditEvents();

        entry.RemoveAttachment(enrolment, Actors.Apprentice, Clock.Later(2));

        Assert.That(entry.Attachment, Is.Null);
        Assert.That(entry.PendingAuditEvents().Single().Action, Is.EqualTo("otj.file-removed"));
    }

    [Test]
    public void A_file_name_that_could_be_read_as_a_path_is_refused_at_the_entry_s_file()
    {
        var refused = Assert.Throws<DomainException>(() => Certificate("../certificate.pdf"));

        Assert.That(refused.Field, Is.EqualTo(OffTheJobEntry.Fields.Attachment));
    }
}
