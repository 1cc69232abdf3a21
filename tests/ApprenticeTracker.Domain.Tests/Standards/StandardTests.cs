namespace ApprenticeTracker.Domain.Tests.Standards;

/// <summary>Creating a standard version from its published definition, and re-importing it.</summary>
public class StandardTests
{
    [Test]
    public void Creating_a_standard_numbers_its_duties_D1_to_D10_in_publication_order()
    {
        var standard = SampleStandards.St0413();

        Assert.That(standard.Duties.Select(d => d.Code), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"D{n}")));
        Assert.That(standard.Duties.Select(d => d.Number), Is.Ordered.Ascending);
    }

    [Test]
    public void Creating_a_standard_keeps_the_duty_statements_verbatim()
    {
        var standard = SampleStandards.St0413();

        Assert.That(standard.Duties.Select(d => d.Statement), Is.EqualTo(SampleStandards.St0413DutyStatements));
    }

    [Test]
    public void Creating_a_standard_keeps_its_details_and_the_publishers_duty_ids()
    {
        var standard = SampleStandards.St0413();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(standard.DisplayReference, Is.EqualTo("ST0413 v1.1"));
            Assert.That(standard.Title, Is.EqualTo("Healthcare science practitioner (integrated degree)"));
            Assert.That(standard.Level, Is.EqualTo(6));
            Assert.That(standard.TypicalDurationMonths, Is.EqualTo(36));
            Assert.That(standard.Route, Is.EqualTo("Health and science"));
            Assert.That(standard.LarsCode, Is.EqualTo(168));
            Assert.That(standard.MaxFunding, Is.EqualTo(27000m));
            Assert.That(standard.IntegratedDegree, Is.True);
            Assert.That(standard.ImportedAt, Is.EqualTo(Clock.Now));
            Assert.That(standard.Duties[3].ExternalId, Is.EqualTo(SampleStandards.St0413DutyId(4)));
            Assert.That(standard.Duties.Select(d => d.StandardId), Is.All.EqualTo(standard.Id));
        }
    }

    [Test]
    public void Creating_a_standard_stores_the_reference_number_in_capitals()
    {
        var definition = SampleStandards.St0413Definition() with { ReferenceNumber = " st0413 " };

        var standard = Standard.Create(definition, Actor.System, Clock.Now);

        Assert.That(standard.ReferenceNumber, Is.EqualTo("ST0413"));
    }

    [Test]
    public void Creating_a_standard_gives_it_the_default_gateway_requirements_in_order()
    {
        var standard = SampleStandards.St0413();

        Assert.That(standard.GatewayRequirements.Select(r => (r.Key, r.Label)), Is.EqualTo(GatewayRequirement.Defaults));
        Assert.That(standard.GatewayRequirements.Select(r => r.Order), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void Default_gateway_requirements_include_english_and_maths_at_level_2()
    {
        var standard = SampleStandards.St0413();

        Assert.That(standard.GatewayRequirements.Select(r => r.Key), Does.Contain("english-maths-l2"));
    }

    [Test]
    public void KSB_codes_follow_from_position_among_statements_of_the_same_kind()
    {
        var standard = SampleStandards.St0413WithKsbs();

        Assert.That(
            standard.Ksbs.Select(k => (k.Code, k.ExternalId)),
            Is.EqualTo(new[] { ("K1", "k-1"), ("K2", "k-2"), ("S1", "s-1"), ("B1", "b-1") }));
    }

    [Test]
    public void Duties_are_linked_to_the_KSBs_the_definition_maps_to_them()
    {
        var standard = SampleStandards.St0413WithKsbs();
        var codeOf = standard.Ksbs.ToDictionary(k => k.Id, k => k.Code);

        Assert.That(standard.Duties[0].Ksbs.Select(l => codeOf[l.KsbId]), Is.EquivalentTo(new[] { "K1", "S1" }));
        Assert.That(standard.Duties[1].Ksbs.Select(l => codeOf[l.KsbId]), Is.EquivalentTo(new[] { "K2", "B1" }));
        Assert.That(standard.Duties[2].Ksbs, Is.Empty);
    }

    [Test]
    public void A_KSB_mapped_twice_to_one_duty_is_linked_once()
    {
        var definition = SampleStandards.St0413DefinitionWithKsbs();
        var duties = definition.Duties.ToList();
        duties[0] = duties[0] with { MappedKsbIds = ["k-1", "k-1"] };

        var standard = Standard.Create(definition with { Duties = duties }, Actor.System, Clock.Now);

        Assert.That(standard.Duties[0].Ksbs, Has.Count.EqualTo(1));
    }

    [Test]
    public void Importing_a_standard_records_an_audit_event()
    {
        var standard = SampleStandards.St0413();

        var events = standard.PendingAuditEvents();

        Assert.That(events, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events[0].Action, Is.EqualTo("standard.imported"));
            Assert.That(events[0].EntityType, Is.EqualTo(nameof(Standard)));
            Assert.That(events[0].EntityId, Is.EqualTo(standard.Id));
            Assert.That(events[0].ActorUserId, Is.EqualTo(Actor.System.UserId));
            Assert.That(events[0].OccurredAt, Is.EqualTo(Clock.Now));
            Assert.That(events[0].Details, Is.EqualTo("ST0413 v1.1: 10 duties, 0 KSBs"));
        }
    }

    [Test]
    public void Two_versions_of_one_standard_are_separate_standards_with_their_own_duties()
    {
        var v10 = SampleStandards.St0413("1.0");
        var v11 = SampleStandards.St0413("1.1");

        Assert.That(v10.Id, Is.Not.EqualTo(v11.Id));
        Assert.That(v10.FindDuty(v11.Duties[0].Id), Is.Null);
    }

    [Test]
    public void Finding_a_duty_of_the_standard_returns_it()
    {
        var standard = SampleStandards.St0413();
        var d3 = standard.Duties[2];

        Assert.That(standard.FindDuty(d3.Id), Is.SameAs(d3));
    }

    [Test]
    public void A_definition_without_duties_is_refused()
    {
        var definition = SampleStandards.St0413Definition() with { Duties = [] };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties").And.Message.Contains("at least one duty"));
    }

    [TestCase("", "referenceNumber", TestName = "A_definition_without_a_reference_number_is_refused")]
    [TestCase(" ", "referenceNumber", TestName = "A_definition_with_a_blank_reference_number_is_refused")]
    public void A_definition_without_a_reference_number_is_refused(string reference, string field)
    {
        var definition = SampleStandards.St0413Definition() with { ReferenceNumber = reference };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo(field).And.Message.EqualTo("Enter the reference number."));
    }

    [Test]
    public void A_definition_without_a_title_is_refused()
    {
        var definition = SampleStandards.St0413Definition() with { Title = "  " };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("title").And.Message.EqualTo("Enter the title."));
    }

    [Test]
    public void A_definition_without_a_version_is_refused()
    {
        var definition = SampleStandards.St0413Definition() with { Version = "" };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("version"));
    }

    [TestCase(0)]
    [TestCase(9)]
    [TestCase(-1)]
    public void A_level_outside_1_to_8_is_refused(int level)
    {
        var definition = SampleStandards.St0413Definition() with { Level = level };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("level").And.Message.Contains($"the file says {level}"));
    }

    [TestCase(1)]
    [TestCase(8)]
    public void Levels_1_and_8_are_allowed(int level)
    {
        var definition = SampleStandards.St0413Definition() with { Level = level };

        var standard = Standard.Create(definition, Actor.System, Clock.Now);

        Assert.That(standard.Level, Is.EqualTo(level));
    }

    [TestCase(0)]
    [TestCase(121)]
    public void A_typical_duration_outside_1_to_120_months_is_refused(int months)
    {
        var definition = SampleStandards.St0413Definition() with { TypicalDurationMonths = months };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("typicalDuration"));
    }

    [Test]
    public void A_duty_mapped_to_a_KSB_id_the_definition_does_not_define_is_refused()
    {
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[2] = duties[2] with { MappedKsbIds = ["k-missing"] };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition with { Duties = duties }, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties").And.Message.Contains("D3").And.Message.Contains("'k-missing'"));
    }

    [Test]
    public void Two_duties_with_the_same_id_are_refused()
    {
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[1] = duties[1] with { ExternalId = duties[0].ExternalId };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition with { Duties = duties }, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties").And.Message.Contains("duty 2"));
    }

    [Test]
    public void A_duty_without_an_id_is_refused()
    {
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[4] = duties[4] with { ExternalId = " " };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition with { Duties = duties }, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties").And.Message.Contains("duty 5"));
    }

    [Test]
    public void A_duty_without_a_statement_is_refused()
    {
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[6] = duties[6] with { Statement = "" };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition with { Duties = duties }, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties").And.Message.Contains("statement of duty 7"));
    }

    [Test]
    public void A_duty_id_longer_than_the_column_is_refused_with_its_position_and_length()
    {
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[2] = duties[2] with { ExternalId = new string('d', Duty.ExternalIdMaxLength + 1) };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition with { Duties = duties }, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties"));
        Assert.That(
            refusal.Message,
            Is.EqualTo($"The dutyId of duty 3 ('{new string('d', 40)}…') is 101 characters long; it must be 100 characters or fewer."));
    }

    [Test]
    public void A_KSB_id_longer_than_the_column_is_refused_with_its_code_and_length()
    {
        var definition = SampleStandards.St0413Definition() with
        {
            Ksbs =
            [
                new KsbDefinition(KsbKind.Knowledge, "k-1", "A knowledge statement."),
                new KsbDefinition(KsbKind.Skill, "s-1", "A skill statement."),
                new KsbDefinition(KsbKind.Skill, new string('s', 150), "Another skill statement."),
            ],
        };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ksbs"));
        Assert.That(
            refusal.Message,
            Is.EqualTo($"The id of S2 ('{new string('s', 40)}…') is 150 characters long; it must be 100 characters or fewer."));
    }

    [Test]
    public void Duty_and_KSB_ids_of_exactly_the_column_length_are_kept()
    {
        var dutyId = new string('d', Duty.ExternalIdMaxLength);
        var ksbId = new string('k', Ksb.ExternalIdMaxLength);
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[0] = duties[0] with { ExternalId = dutyId, MappedKsbIds = [ksbId] };

        var standard = Standard.Create(
            definition with { Duties = duties, Ksbs = [new KsbDefinition(KsbKind.Knowledge, ksbId, "A knowledge statement.")] }, Actor.System, Clock.Now);

        Assert.That(standard.Duties[0].ExternalId, Is.EqualTo(dutyId));
        Assert.That(standard.Ksbs.Single().ExternalId, Is.EqualTo(ksbId));
    }

    [Test]
    public void A_re_import_with_an_over_long_duty_id_is_refused_and_leaves_the_version_as_it_was()
    {
        var standard = Standard.Create(SampleStandards.St0413Definition(), Actor.System, Clock.Now);
        var before = standard.Duties.Select(d => (d.Id, d.ExternalId)).ToList();
        var definition = SampleStandards.St0413Definition();
        var duties = definition.Duties.ToList();
        duties[9] = duties[9] with { ExternalId = new string('x', 101) };

        var refusal = Assert.Throws<DomainException>(() =>
            standard.Redefine(definition with { Duties = duties }, new HashSet<Guid>(), Actors.ProviderAdmin, Clock.Later(60)));

        Assert.That(refusal, Has.Message.StartsWith("The dutyId of duty 10"));
        Assert.That(standard.Duties.Select(d => (d.Id, d.ExternalId)), Is.EqualTo(before));
    }

    [Test]
    public void Two_KSBs_with_the_same_id_are_refused_even_of_different_kinds()
    {
        var definition = SampleStandards.St0413DefinitionWithKsbs() with
        {
            Ksbs =
            [
                new KsbDefinition(KsbKind.Knowledge, "same", "A knowledge statement."),
                new KsbDefinition(KsbKind.Skill, "same", "A skill statement."),
            ],
            Duties = SampleStandards.St0413Definition().Duties,
        };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ksbs").And.Message.Contains("'same'"));
    }

    [Test]
    public void A_KSB_without_detail_is_refused()
    {
        var definition = SampleStandards.St0413Definition() with { Ksbs = [new KsbDefinition(KsbKind.Skill, "s-1", " ")] };

        var refusal = Assert.Throws<DomainException>(() => Standard.Create(definition, Actor.System, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ksbs").And.Message.Contains("skill 's-1'"));
    }

    [Test]
    public void Re_importing_an_unchanged_definition_keeps_every_duty_and_KSB_identity()
    {
        var standard = SampleStandards.St0413WithKsbs();
        var dutyIds = standard.Duties.Select(d => d.Id).ToList();
        var ksbIds = standard.Ksbs.Select(k => k.Id).ToList();
        var inUse = new HashSet<Guid> { dutyIds[0], ksbIds[0] };

        standard.Redefine(SampleStandards.St0413DefinitionWithKsbs(), inUse, Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Duties.Select(d => d.Id), Is.EqualTo(dutyIds));
        Assert.That(standard.Ksbs.Select(k => k.Id), Is.EqualTo(ksbIds));
        Assert.That(standard.ImportedAt, Is.EqualTo(Clock.Later(60)));
    }

    [Test]
    public void Re_importing_keeps_the_duty_KSB_links()
    {
        var standard = SampleStandards.St0413WithKsbs();

        standard.Redefine(SampleStandards.St0413DefinitionWithKsbs(), new HashSet<Guid>(), Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Duties[0].Ksbs, Has.Count.EqualTo(2));
    }

    [Test]
    public void Re_importing_may_change_the_statement_of_a_duty_no_evidence_uses_and_keeps_its_identity()
    {
        var standard = SampleStandards.St0413();
        var d2 = standard.Duties[1];
        var definition = WithStatement(SampleStandards.St0413Definition(), 2, "A corrected statement.");

        standard.Redefine(definition, new HashSet<Guid> { standard.Duties[0].Id }, Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Duties[1].Id, Is.EqualTo(d2.Id));
        Assert.That(standard.Duties[1].Statement, Is.EqualTo("A corrected statement."));
    }

    [Test]
    public void Re_importing_may_remove_a_duty_no_evidence_uses()
    {
        var standard = SampleStandards.St0413();
        var definition = SampleStandards.St0413Definition();
        var shorter = definition with { Duties = definition.Duties.Take(9).ToList() };

        standard.Redefine(shorter, new HashSet<Guid> { standard.Duties[0].Id }, Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Duties.Select(d => d.Code).Last(), Is.EqualTo("D9"));
    }

    [Test]
    public void Re_importing_may_add_a_duty()
    {
        var standard = SampleStandards.St0413();
        var definition = SampleStandards.St0413Definition();
        var longer = definition with { Duties = [.. definition.Duties, new DutyDefinition("d-11", "A new duty.", true, [])] };

        standard.Redefine(longer, new HashSet<Guid>(), Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Duties.Select(d => d.Code).Last(), Is.EqualTo("D11"));
    }

    [Test]
    public void Re_importing_records_an_audit_event()
    {
        var standard = SampleStandards.St0413();
        standard.DequeueAuditEvents();

        standard.Redefine(SampleStandards.St0413Definition(), new HashSet<Guid>(), Actors.ProviderAdmin, Clock.Later(60));

        var recorded = standard.DequeueAuditEvents();
        Assert.That(recorded.Select(e => (e.Action, e.EntityId, e.ActorUserId, e.OccurredAt)),
            Is.EqualTo(new[] { ("standard.reimported", standard.Id, Actors.ProviderAdmin.UserId, Clock.Later(60)) }));
    }

    [Test]
    public void Re_importing_that_changes_the_statement_of_a_duty_evidence_uses_is_refused()
    {
        var standard = SampleStandards.St0413();
        var definition = WithStatement(SampleStandards.St0413Definition(), 3, "A changed statement.");

        var refusal = Assert.Throws<DomainException>(() =>
            standard.Redefine(definition, new HashSet<Guid> { standard.Duties[2].Id }, Actors.ProviderAdmin, Clock.Later(60)));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("duties").And.Message.Contains("D3").And.Message.Contains("new version"));
    }

    [Test]
    public void Re_importing_that_changes_only_the_surrounding_spaces_of_a_used_duty_is_allowed()
    {
        var standard = SampleStandards.St0413();
        var definition = WithStatement(SampleStandards.St0413Definition(), 3, $"  {SampleStandards.St0413DutyStatements[2]} ");

        standard.Redefine(definition, new HashSet<Guid> { standard.Duties[2].Id }, Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Duties[2].Statement, Is.EqualTo(SampleStandards.St0413DutyStatements[2]));
    }

    [Test]
    public void Re_importing_that_removes_a_duty_evidence_uses_is_refused()
    {
        var standard = SampleStandards.St0413();
        var definition = SampleStandards.St0413Definition();
        var shorter = definition with { Duties = definition.Duties.Take(9).ToList() };

        var refusal = Assert.Throws<DomainException>(() =>
            standard.Redefine(shorter, new HashSet<Guid> { standard.Duties[9].Id }, Actors.ProviderAdmin, Clock.Later(60)));

        Assert.That(refusal, Has.Message.Contains("D10").And.Message.Contains("cannot be removed"));
    }

    [Test]
    public void Re_importing_that_renumbers_a_duty_evidence_uses_is_refused()
    {
        var standard = SampleStandards.St0413();
        var definition = SampleStandards.St0413Definition();
        var reordered = definition with { Duties = [definition.Duties[1], definition.Duties[0], .. definition.Duties.Skip(2)] };

        var refusal = Assert.Throws<DomainException>(() =>
            standard.Redefine(reordered, new HashSet<Guid> { standard.Duties[0].Id }, Actors.ProviderAdmin, Clock.Later(60)));

        Assert.That(refusal, Has.Message.Contains("D1").And.Message.Contains("renumbered"));
    }

    [Test]
    public void Re_importing_that_removes_a_KSB_evidence_uses_is_refused()
    {
        var standard = SampleStandards.St0413WithKsbs();
        var b1 = standard.Ksbs.Single(k => k.Code == "B1");
        var definition = SampleStandards.St0413DefinitionWithKsbs();
        var duties = definition.Duties.ToList();
        duties[1] = duties[1] with { MappedKsbIds = ["k-2"] };
        var withoutB1 = definition with { Duties = duties, Ksbs = definition.Ksbs.Where(k => k.ExternalId != "b-1").ToList() };

        var refusal = Assert.Throws<DomainException>(() =>
            standard.Redefine(withoutB1, new HashSet<Guid> { b1.Id }, Actors.ProviderAdmin, Clock.Later(60)));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("ksbs").And.Message.Contains("B1"));
    }

    [Test]
    public void Re_importing_may_remove_a_KSB_no_evidence_uses()
    {
        var standard = SampleStandards.St0413WithKsbs();
        var definition = SampleStandards.St0413DefinitionWithKsbs();
        var duties = definition.Duties.ToList();
        duties[1] = duties[1] with { MappedKsbIds = ["k-2"] };
        var withoutB1 = definition with { Duties = duties, Ksbs = definition.Ksbs.Where(k => k.ExternalId != "b-1").ToList() };

        standard.Redefine(withoutB1, new HashSet<Guid>(), Actors.ProviderAdmin, Clock.Later(60));

        Assert.That(standard.Ksbs.Select(k => k.Code), Is.EqualTo(new[] { "K1", "K2", "S1" }));
    }

    [TestCase("ST0414", "1.1")]
    [TestCase("ST0413", "1.0")]
    public void Re_importing_a_definition_of_another_reference_or_version_is_refused(string reference, string version)
    {
        var standard = SampleStandards.St0413();
        var definition = SampleStandards.St0413Definition() with { ReferenceNumber = reference, Version = version };

        var refusal = Assert.Throws<DomainException>(() =>
            standard.Redefine(definition, new HashSet<Guid>(), Actors.ProviderAdmin, Clock.Later(60)));

        Assert.That(refusal, Has.Message.Contains($"{reference} v{version}").And.Message.Contains("not ST0413 v1.1"));
    }

    [Test]
    public void A_refused_re_import_leaves_the_standard_as_it_was()
    {
        var standard = SampleStandards.St0413();
        var definition = WithStatement(SampleStandards.St0413Definition(), 1, "A changed statement.") with { Title = "A new title", Level = 7 };

        Assert.Throws<DomainException>(() =>
            standard.Redefine(definition, new HashSet<Guid> { standard.Duties[0].Id }, Actors.ProviderAdmin, Clock.Later(60)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(standard.Title, Is.EqualTo("Healthcare science practitioner (integrated degree)"));
            Assert.That(standard.Level, Is.EqualTo(6));
            Assert.That(standard.ImportedAt, Is.EqualTo(Clock.Now));
            Assert.That(standard.Duties[0].Statement, Is.EqualTo(SampleStandards.St0413DutyStatements[0]));
        }
    }

    [Test]
    public void Display_reference_joins_reference_and_version()
    {
        var standard = SampleStandards.St0413("2.0");

        Assert.That(standard.DisplayReference, Is.EqualTo("ST0413 v2.0"));
    }

    [TestCase(KsbKind.Knowledge, 'K')]
    [TestCase(KsbKind.Skill, 'S')]
    [TestCase(KsbKind.Behaviour, 'B')]
    public void Each_kind_of_KSB_has_its_code_prefix(KsbKind kind, char prefix)
    {
        Assert.That(kind.Prefix(), Is.EqualTo(prefix));
    }

    private static StandardDefinition WithStatement(StandardDefinition definition, int dutyNumber, string statement)
    {
        var duties = definition.Duties.ToList();
        duties[dutyNumber - 1] = duties[dutyNumber - 1] with { Statement = statement };
        return definition with { Duties = duties };
    }
}
