namespace ApprenticeTracker.Domain.Tests.Enrolments;

/// <summary>Enrolling, the status transitions, assessor assignments, evidence intake and gateway confirmations.</summary>
public class EnrolmentTests
{
    /// <summary>The rule table, written out independently of the domain's so that a change to either shows up.</summary>
    private static readonly Dictionary<EnrolmentStatus, EnrolmentStatus[]> Allowed = new()
    {
        [EnrolmentStatus.Active] = [EnrolmentStatus.BreakInLearning, EnrolmentStatus.Withdrawn, EnrolmentStatus.Gateway],
        [EnrolmentStatus.BreakInLearning] = [EnrolmentStatus.Active, EnrolmentStatus.Withdrawn],
        [EnrolmentStatus.Gateway] = [EnrolmentStatus.Completed, EnrolmentStatus.Active, EnrolmentStatus.Withdrawn],
        [EnrolmentStatus.Withdrawn] = [],
        [EnrolmentStatus.Completed] = [],
    };

    private static IEnumerable<TestCaseData> AllowedTransitions() =>
        from pair in AllPairs()
        where Allowed[pair.From].Contains(pair.To)
        select new TestCaseData(pair.From, pair.To).SetName($"Moving_from_{pair.From}_to_{pair.To}_is_allowed");

    private static IEnumerable<TestCaseData> RefusedTransitions() =>
        from pair in AllPairs()
        where !Allowed[pair.From].Contains(pair.To)
        select new TestCaseData(pair.From, pair.To).SetName($"Moving_from_{pair.From}_to_{pair.To}_is_refused");

    private static EnrolmentStatus[] AllStatuses() => Enum.GetValues<EnrolmentStatus>();

    private static IEnumerable<(EnrolmentStatus From, EnrolmentStatus To)> AllPairs() =>
        from source in Enum.GetValues<EnrolmentStatus>()
        from target in Enum.GetValues<EnrolmentStatus>()
        select (source, target);

    [Test]
    public void Enrolling_starts_an_active_enrolment_with_the_apprentices_provider()
    {
        var standard = SampleStandards.St0413();
        var apprentice = new ApprenticeBuilder().Build();
        var employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider);
        var cohort = SampleOrganisations.CohortOf(SampleOrganisations.Provider);

        var enrolment = Enrolment.Enrol(apprentice, standard, employer, cohort, new DateOnly(2024, 9, 2), new DateOnly(2027, 9, 1), Actors.ProviderAdmin, Clock.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Active));
            Assert.That(enrolment.ApprenticeId, Is.EqualTo(apprentice.Id));
            Assert.That(enrolment.StandardId, Is.EqualTo(standard.Id));
            Assert.That(enrolment.TrainingProviderId, Is.EqualTo(SampleOrganisations.Provider.Id));
            Assert.That(enrolment.EmployerId, Is.EqualTo(employer.Id));
            Assert.That(enrolment.CohortId, Is.EqualTo(cohort.Id));
            Assert.That(enrolment.StatusChangedAt, Is.EqualTo(Clock.Now));
        }
    }

    [Test]
    public void Enrolling_records_an_audit_event_scoped_to_the_enrolment_and_provider()
    {
        var apprentice = new ApprenticeBuilder().Named("Ayşe", "Yılmaz").Build();

        var enrolment = Enrolment.Enrol(
            apprentice, SampleStandards.St0413(), SampleOrganisations.EmployerOf(SampleOrganisations.Provider), null,
            new DateOnly(2024, 9, 2), new DateOnly(2027, 9, 1), Actors.ProviderAdmin, Clock.Now);

        var recorded = enrolment.PendingAuditEvents().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Action, Is.EqualTo("enrolment.created"));
            Assert.That(recorded.EntityId, Is.EqualTo(enrolment.Id));
            Assert.That(recorded.EnrolmentId, Is.EqualTo(enrolment.Id));
            Assert.That(recorded.TrainingProviderId, Is.EqualTo(SampleOrganisations.Provider.Id));
            Assert.That(recorded.ActorName, Is.EqualTo(Actors.ProviderAdmin.DisplayName));
            Assert.That(recorded.Details, Is.EqualTo("Ayşe Yılmaz on ST0413 v1.1 from 2 Sep 2024"));
        }
    }

    [Test]
    public void Enrolling_with_an_employer_of_another_provider_is_refused()
    {
        var employer = SampleOrganisations.EmployerOf(SampleOrganisations.OtherProvider);

        var refusal = Assert.Throws<DomainException>(() => new EnrolmentBuilder().WithEmployer(employer).Build());

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo(nameof(Enrolment.EmployerId)));
    }

    [Test]
    public void Enrolling_in_a_cohort_of_another_provider_is_refused()
    {
        var cohort = SampleOrganisations.CohortOf(SampleOrganisations.OtherProvider);

        var refusal = Assert.Throws<DomainException>(() => new EnrolmentBuilder().InCohort(cohort).Build());

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo(nameof(Enrolment.CohortId)));
    }

    [Test]
    public void Enrolling_without_a_cohort_is_allowed()
    {
        var enrolment = new EnrolmentBuilder().Build();

        Assert.That(enrolment.CohortId, Is.Null);
    }

    [Test]
    public void A_start_before_1_Aug_2025_has_a_minimum_duration_of_12_months()
    {
        var enrolment = new EnrolmentBuilder().StartingOn(new DateOnly(2025, 7, 31)).Build();

        Assert.That(enrolment.MinimumDurationMonths, Is.EqualTo(12));
        Assert.That(enrolment.MinimumDurationMetOn, Is.EqualTo(new DateOnly(2026, 7, 31)));
    }

    [Test]
    public void A_start_on_1_Aug_2025_has_a_minimum_duration_of_8_months()
    {
        var enrolment = new EnrolmentBuilder().StartingOn(new DateOnly(2025, 8, 1)).Build();

        Assert.That(enrolment.MinimumDurationMonths, Is.EqualTo(8));
        Assert.That(enrolment.MinimumDurationMetOn, Is.EqualTo(new DateOnly(2026, 4, 1)));
    }

    [TestCase(2025, 7, 31, 12)]
    [TestCase(2025, 8, 1, 8)]
    [TestCase(2026, 1, 5, 8)]
    [TestCase(2022, 8, 1, 12)]
    public void Funding_rules_give_the_minimum_duration_for_a_start_date(int year, int month, int day, int months)
    {
        Assert.That(FundingRules.MinimumDurationMonths(new DateOnly(year, month, day)), Is.EqualTo(months));
    }

    [Test]
    public void A_planned_end_before_the_minimum_duration_is_refused()
    {
        var builder = new EnrolmentBuilder().StartingOn(new DateOnly(2024, 9, 2)).PlannedToEndOn(new DateOnly(2025, 9, 1));

        var refusal = Assert.Throws<DomainException>(() => builder.Build());

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo(nameof(Enrolment.PlannedEndDate)).And.Message.Contains("12 months"));
    }

    [Test]
    public void A_planned_end_exactly_at_the_minimum_duration_is_allowed()
    {
        var enrolment = new EnrolmentBuilder().StartingOn(new DateOnly(2025, 9, 1)).PlannedToEndOn(new DateOnly(2026, 5, 1)).Build();

        Assert.That(enrolment.PlannedEndDate, Is.EqualTo(new DateOnly(2026, 5, 1)));
    }

    [Test]
    public void A_planned_end_one_day_short_of_8_months_after_a_2025_start_is_refused()
    {
        var builder = new EnrolmentBuilder().StartingOn(new DateOnly(2025, 9, 1)).PlannedToEndOn(new DateOnly(2026, 4, 30));

        var refusal = Assert.Throws<DomainException>(() => builder.Build());

        Assert.That(refusal, Has.Message.Contains("8 months"));
    }

    [TestCaseSource(nameof(AllowedTransitions))]
    public void Allowed_transition(EnrolmentStatus from, EnrolmentStatus to)
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().InStatus(from).Build();

        MoveTo(enrolment, standard, to);

        Assert.That(enrolment.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(RefusedTransitions))]
    public void Refused_transition(EnrolmentStatus from, EnrolmentStatus to)
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().InStatus(from).Build();

        var refusal = Assert.Throws<DomainException>(() => MoveTo(enrolment, standard, to));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Status"));
        Assert.That(enrolment.Status, Is.EqualTo(from));
    }

    [TestCaseSource(nameof(AllStatuses))]
    public void Allowed_next_statuses_follow_the_rule_table(EnrolmentStatus status)
    {
        var enrolment = new EnrolmentBuilder().InStatus(status).Build();

        Assert.That(enrolment.AllowedNextStatuses(), Is.EquivalentTo(Allowed[status]));
    }

    [Test]
    public void A_refused_transition_says_in_words_what_was_refused()
    {
        var enrolment = new EnrolmentBuilder().InStatus(EnrolmentStatus.Withdrawn).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.StartBreakInLearning("Illness", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("An apprenticeship that is withdrawn cannot start a break in learning."));
    }

    [Test]
    public void Changing_status_records_who_when_and_the_reason()
    {
        var enrolment = new EnrolmentBuilder().Build();

        enrolment.StartBreakInLearning("Parental leave", Actors.ProviderAdmin, Clock.Later(5));

        var recorded = enrolment.DequeueAuditEvents().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Action, Is.EqualTo("enrolment.status-changed"));
            Assert.That(recorded.Details, Is.EqualTo("Active → Break in learning: Parental leave"));
            Assert.That(recorded.ActorUserId, Is.EqualTo(Actors.ProviderAdmin.UserId));
            Assert.That(recorded.OccurredAt, Is.EqualTo(Clock.Later(5)));
            Assert.That(recorded.EnrolmentId, Is.EqualTo(enrolment.Id));
            Assert.That(enrolment.StatusChangedAt, Is.EqualTo(Clock.Later(5)));
        }
    }

    [Test]
    public void Changing_status_changes_the_concurrency_stamp()
    {
        var enrolment = new EnrolmentBuilder().Build();
        var before = enrolment.ConcurrencyStamp;

        enrolment.StartBreakInLearning("Illness", Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.ConcurrencyStamp, Is.Not.EqualTo(before));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_break_in_learning_without_a_reason_is_refused(string reason)
    {
        var enrolment = new EnrolmentBuilder().Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.StartBreakInLearning(reason, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Reason"));
        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public void A_withdrawal_without_a_reason_is_refused()
    {
        var enrolment = new EnrolmentBuilder().Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.Withdraw(" ", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Reason"));
    }

    [Test]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var enrolment = new EnrolmentBuilder().Build();

        var refusal = Assert.Throws<DomainException>(() =>
            enrolment.Withdraw(new string('x', Enrolment.ReasonMaxLength + 1), Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Reason").And.Message.Contains("1000 characters"));
    }

    [Test]
    public void A_return_from_gateway_without_a_reason_is_refused()
    {
        var enrolment = new EnrolmentBuilder().InStatus(EnrolmentStatus.Gateway).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.ReturnFromGateway("", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Reason"));
        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Gateway));
    }

    [Test]
    public void Resuming_learning_at_gateway_is_refused_because_returning_from_gateway_needs_a_reason()
    {
        var enrolment = new EnrolmentBuilder().InStatus(EnrolmentStatus.Gateway).Build();

        Assert.Throws<DomainException>(() => enrolment.ResumeLearning(Actors.ProviderAdmin, Clock.Now));

        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Gateway));
    }

    [Test]
    public void Returning_from_gateway_during_a_break_in_learning_is_refused()
    {
        var enrolment = new EnrolmentBuilder().InStatus(EnrolmentStatus.BreakInLearning).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.ReturnFromGateway("Deferred", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("Only an apprentice at gateway can return to learning from it; this one is on a break in learning."));
    }

    [Test]
    public void Passing_gateway_when_not_ready_is_refused_listing_what_is_outstanding()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2026, 9, 1)).Build();
        var readiness = Computed.ReadinessOf(enrolment, standard, Clock.Today);

        var refusal = Assert.Throws<DomainException>(() => enrolment.PassGateway(readiness, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.StartsWith("The apprentice is not ready for gateway. Outstanding: All duties signed off; Minimum duration of 8 months met; English and maths at Level 2 achieved;"));
        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public void Passing_gateway_with_one_item_outstanding_names_only_that_item()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().Build();
        var readiness = Computed.ReadinessOf(enrolment, standard, enrolment.MinimumDurationMetOn.AddDays(-1));

        var refusal = Assert.Throws<DomainException>(() => enrolment.PassGateway(readiness, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("The apprentice is not ready for gateway. Outstanding: Minimum duration of 12 months met."));
    }

    [Test]
    public void Passing_gateway_when_ready_moves_to_gateway()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().Build();

        enrolment.PassGateway(Computed.ReadinessOf(enrolment, standard, Clock.Today), Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Gateway));
    }

    [Test]
    public void Assigning_an_assessor_of_the_provider_makes_them_current()
    {
        var enrolment = new EnrolmentBuilder().Build();
        var assessor = new AssessorBuilder().Build();

        enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.IsAssignedTo(assessor.Id), Is.True);
        Assert.That(enrolment.CurrentAssessorIds, Is.EqualTo(new[] { assessor.Id }));
    }

    [Test]
    public void Assigning_an_assessor_records_an_audit_event_naming_them()
    {
        var enrolment = new EnrolmentBuilder().Build();
        var assessor = new AssessorBuilder().Named("Grace", "Adeyemi").Build();

        enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);

        var recorded = enrolment.DequeueAuditEvents().Single();
        Assert.That((recorded.Action, recorded.Details, recorded.EntityId), Is.EqualTo(("enrolment.assessor-assigned", "Grace Adeyemi", enrolment.Id)));
    }

    [Test]
    public void Two_assessors_can_be_assigned_at_once()
    {
        var first = new AssessorBuilder().Build();
        var second = new AssessorBuilder().Build();

        var enrolment = new EnrolmentBuilder().WithAssessor(first).WithAssessor(second).Build();

        Assert.That(enrolment.CurrentAssessorIds, Is.EquivalentTo(new[] { first.Id, second.Id }));
    }

    [Test]
    public void Assigning_an_assessor_of_another_provider_is_refused()
    {
        var enrolment = new EnrolmentBuilder().Build();
        var stranger = new AssessorBuilder().Of(SampleOrganisations.OtherProvider).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.AssignAssessor(stranger, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("AssessorId"));
        Assert.That(enrolment.Assignments, Is.Empty);
    }

    [Test]
    public void Assigning_an_assessor_who_is_already_assigned_is_refused()
    {
        var assessor = new AssessorBuilder().Named("Grace", "Adeyemi").Build();
        var enrolment = new EnrolmentBuilder().WithAssessor(assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("Grace Adeyemi is already assigned to this apprentice."));
    }

    [TestCase(EnrolmentStatus.Withdrawn)]
    [TestCase(EnrolmentStatus.Completed)]
    public void Assigning_an_assessor_to_a_final_enrolment_is_refused(EnrolmentStatus status)
    {
        var enrolment = new EnrolmentBuilder().InStatus(status).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.AssignAssessor(new AssessorBuilder().Build(), Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.StartsWith("You cannot assign an assessor"));
    }

    [TestCase(EnrolmentStatus.BreakInLearning)]
    [TestCase(EnrolmentStatus.Gateway)]
    public void Assigning_an_assessor_during_a_break_or_at_gateway_is_allowed(EnrolmentStatus status)
    {
        var enrolment = new EnrolmentBuilder().InStatus(status).Build();
        var assessor = new AssessorBuilder().Build();

        enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.IsAssignedTo(assessor.Id), Is.True);
    }

    [Test]
    public void Unassigning_an_assessor_ends_the_assignment_and_keeps_it_as_history()
    {
        var assessor = new AssessorBuilder().Build();
        var enrolment = new EnrolmentBuilder().WithAssessor(assessor).Build();

        enrolment.UnassignAssessor(assessor, Actors.ProviderAdmin, Clock.Later(10));

        var assignment = enrolment.Assignments.Single();
        Assert.That(enrolment.IsAssignedTo(assessor.Id), Is.False);
        Assert.That(assignment.EndedAt, Is.EqualTo(Clock.Later(10)));
        Assert.That(assignment.IsCurrent, Is.False);
    }

    [Test]
    public void Unassigning_an_assessor_records_an_audit_event()
    {
        var assessor = new AssessorBuilder().Build();
        var enrolment = new EnrolmentBuilder().WithAssessor(assessor).Build();

        enrolment.UnassignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.DequeueAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "enrolment.assessor-unassigned" }));
    }

    [Test]
    public void An_assessor_can_be_assigned_again_after_being_unassigned()
    {
        var assessor = new AssessorBuilder().Build();
        var enrolment = new EnrolmentBuilder().WithAssessor(assessor).Build();
        enrolment.UnassignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);

        enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Later(1));

        Assert.That(enrolment.IsAssignedTo(assessor.Id), Is.True);
        Assert.That(enrolment.Assignments, Has.Count.EqualTo(2));
    }

    [Test]
    public void Unassigning_an_assessor_who_is_not_assigned_is_refused()
    {
        var enrolment = new EnrolmentBuilder().Build();
        var assessor = new AssessorBuilder().Named("Grace", "Adeyemi").Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.UnassignAssessor(assessor, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("Grace Adeyemi is not assigned to this apprentice.").And.Property(nameof(DomainException.Field)).EqualTo("AssessorId"));
    }

    [TestCase(EnrolmentStatus.Withdrawn)]
    [TestCase(EnrolmentStatus.Completed)]
    public void Unassigning_an_assessor_from_a_final_enrolment_is_refused(EnrolmentStatus status)
    {
        var assessor = new AssessorBuilder().Build();
        var enrolment = new EnrolmentBuilder().WithAssessor(assessor).InStatus(status).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.UnassignAssessor(assessor, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.StartsWith("You cannot unassign an assessor"));
        Assert.That(enrolment.IsAssignedTo(assessor.Id), Is.True);
    }

    [Test]
    public void An_active_enrolment_accepts_evidence()
    {
        var enrolment = new EnrolmentBuilder().Build();

        Assert.DoesNotThrow(() => enrolment.EnsureAcceptsEvidence("logged"));
    }

    [TestCase(EnrolmentStatus.BreakInLearning, "on a break in learning")]
    [TestCase(EnrolmentStatus.Withdrawn, "withdrawn")]
    [TestCase(EnrolmentStatus.Gateway, "at gateway")]
    [TestCase(EnrolmentStatus.Completed, "completed")]
    public void An_enrolment_that_is_not_active_refuses_evidence(EnrolmentStatus status, string named)
    {
        var enrolment = new EnrolmentBuilder().InStatus(status).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.EnsureAcceptsEvidence("logged"));

        Assert.That(refusal, Has.Message.EqualTo($"Evidence can be logged only while the apprenticeship is active; it is {named}."));
    }

    [Test]
    public void Confirming_a_gateway_requirement_records_who_when_and_the_note()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();

        enrolment.ConfirmGatewayRequirement(standard, "english-maths-l2", "  GCSE certificates seen ", Actors.ProviderAdmin, Clock.Later(3));

        var confirmation = enrolment.GatewayConfirmations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(confirmation.RequirementKey, Is.EqualTo("english-maths-l2"));
            Assert.That(confirmation.ConfirmedByUserId, Is.EqualTo(Actors.ProviderAdmin.UserId));
            Assert.That(confirmation.ConfirmedByName, Is.EqualTo(Actors.ProviderAdmin.DisplayName));
            Assert.That(confirmation.Note, Is.EqualTo("GCSE certificates seen"));
            Assert.That(confirmation.ConfirmedAt, Is.EqualTo(Clock.Later(3)));
        }
    }

    [Test]
    public void Confirming_a_gateway_requirement_records_an_audit_event_with_its_label()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();

        enrolment.ConfirmGatewayRequirement(standard, "english-maths-l2", null, Actors.ProviderAdmin, Clock.Now);

        var recorded = enrolment.DequeueAuditEvents().Single();
        Assert.That((recorded.Action, recorded.Details), Is.EqualTo(("gateway.item-confirmed", "English and maths at Level 2 achieved")));
    }

    [Test]
    public void Confirming_an_unknown_gateway_requirement_is_refused()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.ConfirmGatewayRequirement(standard, "driving-licence", null, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Key").And.Message.Contains("'driving-licence'"));
        Assert.That(enrolment.GatewayConfirmations, Is.Empty);
    }

    [Test]
    public void Confirming_a_gateway_requirement_twice_is_refused()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();
        enrolment.ConfirmGatewayRequirement(standard, "modules-passed", null, Actors.ProviderAdmin, Clock.Now);

        var refusal = Assert.Throws<DomainException>(() => enrolment.ConfirmGatewayRequirement(standard, "modules-passed", null, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("'All degree modules passed' is already confirmed."));
        Assert.That(enrolment.GatewayConfirmations, Has.Count.EqualTo(1));
    }

    [TestCase(EnrolmentStatus.Withdrawn)]
    [TestCase(EnrolmentStatus.Completed)]
    public void Confirming_a_gateway_requirement_is_refused_once_the_apprenticeship_is_withdrawn_or_completed(EnrolmentStatus status)
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).InStatus(status).Build();
        var confirmed = enrolment.GatewayConfirmations.Count;

        var refusal = Assert.Throws<DomainException>(() => enrolment.ConfirmGatewayRequirement(standard, "modules-passed", null, Actors.ProviderAdmin, Clock.Later(1)));

        Assert.That(refusal, Has.Message.EqualTo($"You cannot confirm a gateway requirement: the apprenticeship is {status.StatePhrase()}, and its record is closed."));
        Assert.That(enrolment.GatewayConfirmations, Has.Count.EqualTo(confirmed));
    }

    [Test]
    public void Confirming_a_gateway_requirement_stays_open_during_a_break_in_learning()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).InStatus(EnrolmentStatus.BreakInLearning).Build();

        enrolment.ConfirmGatewayRequirement(standard, "modules-passed", null, Actors.ProviderAdmin, Clock.Later(1));

        Assert.That(enrolment.GatewayConfirmations.Single().RequirementKey, Is.EqualTo("modules-passed"));
    }

    [TestCase(EnrolmentStatus.Active, false)]
    [TestCase(EnrolmentStatus.BreakInLearning, false)]
    [TestCase(EnrolmentStatus.Gateway, false)]
    [TestCase(EnrolmentStatus.Withdrawn, true)]
    [TestCase(EnrolmentStatus.Completed, true)]
    public void Only_withdrawn_and_completed_are_final_and_they_are_the_statuses_with_nowhere_to_go(EnrolmentStatus status, bool final)
    {
        var enrolment = new EnrolmentBuilder().InStatus(status).Build();

        Assert.That(status.IsFinal(), Is.EqualTo(final));
        Assert.That(enrolment.AllowedNextStatuses().Count == 0, Is.EqualTo(final));
    }

    [Test]
    public void Confirming_a_gateway_requirement_against_another_standard_is_refused()
    {
        var enrolment = new EnrolmentBuilder().OnStandard(SampleStandards.St0413()).Build();

        Assert.Throws<ArgumentException>(() =>
            enrolment.ConfirmGatewayRequirement(SampleStandards.St0413("1.0"), "modules-passed", null, Actors.ProviderAdmin, Clock.Now));
    }

    [Test]
    public void Assigning_an_assessor_changes_the_concurrency_stamp()
    {
        var enrolment = new EnrolmentBuilder().Build();
        var before = enrolment.ConcurrencyStamp;

        enrolment.AssignAssessor(new AssessorBuilder().Build(), Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.ConcurrencyStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void Status_display_names_are_written_for_people()
    {
        Assert.That(EnrolmentStatus.BreakInLearning.DisplayName(), Is.EqualTo("Break in learning"));
    }

    [TestCase(EnrolmentStatus.Active, "active")]
    [TestCase(EnrolmentStatus.BreakInLearning, "on a break in learning")]
    [TestCase(EnrolmentStatus.Withdrawn, "withdrawn")]
    [TestCase(EnrolmentStatus.Gateway, "at gateway")]
    [TestCase(EnrolmentStatus.Completed, "completed")]
    public void Each_status_reads_as_a_state_after_is(EnrolmentStatus status, string phrase)
    {
        Assert.That(status.StatePhrase(), Is.EqualTo(phrase));
    }

    [TestCaseSource(nameof(RefusedTransitions))]
    public void A_refused_transition_names_the_current_status_as_a_state(EnrolmentStatus from, EnrolmentStatus to)
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().InStatus(from).Build();

        var refusal = Assert.Throws<DomainException>(() => MoveTo(enrolment, standard, to));

        Assert.That(refusal, Has.Message.Contains($" is {from.StatePhrase()}"));
    }

    [TestCase(EnrolmentStatus.Active, true)]
    [TestCase(EnrolmentStatus.BreakInLearning, true)]
    [TestCase(EnrolmentStatus.Gateway, true)]
    [TestCase(EnrolmentStatus.Withdrawn, false)]
    [TestCase(EnrolmentStatus.Completed, false)]
    public void Assessors_change_only_while_the_record_is_open(EnrolmentStatus status, bool allowed)
    {
        Assert.That(status.AllowsAssessorChanges(), Is.EqualTo(allowed));
    }

    /// <summary>Asks for <paramref name="to"/> through the method a person would use to get there.</summary>
    private static void MoveTo(Enrolment enrolment, Standard standard, EnrolmentStatus to)
    {
        switch (to)
        {
            case EnrolmentStatus.Active when enrolment.Status == EnrolmentStatus.Gateway:
                enrolment.ReturnFromGateway("Assessment deferred", Actors.ProviderAdmin, Clock.Later(1));
                break;
            case EnrolmentStatus.Active:
                enrolment.ResumeLearning(Actors.ProviderAdmin, Clock.Later(1));
                break;
            case EnrolmentStatus.BreakInLearning:
                enrolment.StartBreakInLearning("Illness", Actors.ProviderAdmin, Clock.Later(1));
                break;
            case EnrolmentStatus.Withdrawn:
                enrolment.Withdraw("Left the employer", Actors.ProviderAdmin, Clock.Later(1));
                break;
            case EnrolmentStatus.Gateway:
                enrolment.PassGateway(Computed.ReadinessOf(enrolment, standard, Clock.Today), Actors.ProviderAdmin, Clock.Later(1));
                break;
            case EnrolmentStatus.Completed:
                enrolment.Complete(Actors.ProviderAdmin, Clock.Later(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to));
        }
    }

    [Test]
    public void An_active_enrolment_reads_not_started_until_its_start_date_and_active_from_it()
    {
        var start = new DateOnly(2027, 1, 4);

        Assert.That(EnrolmentStatus.Active.DisplayName(start, start.AddDays(-1)), Is.EqualTo("Not started"));
        Assert.That(EnrolmentStatus.Active.DisplayName(start, start), Is.EqualTo("Active"));
        Assert.That(EnrolmentStatus.Withdrawn.DisplayName(start, start.AddDays(-1)), Is.EqualTo("Withdrawn"));
    }
}
