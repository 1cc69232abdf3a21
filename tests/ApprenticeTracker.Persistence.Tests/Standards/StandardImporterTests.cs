using System.Text;
using System.Text.Json.Nodes;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.Standards;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests.Standards;

[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class StandardImporterTests(DatabaseProvider provider)
{
    private static readonly Actor Importer = new("provider-user", "Helen Marsh");

    private TestDatabase _database = null!;
    private StandardImporter _importer = null!;

    [SetUp]
    public void SetUp()
    {
        _database = new TestDatabase(provider);
        _importer = new StandardImporter(_database, new FixedClock(World.Now));
    }

    [TearDown]
    public void TearDown() => _database?.Dispose();

    [Test]
    public async Task The_sample_file_imports_ST0413_with_its_ten_duties_verbatim()
    {
        var result = await _importer.ImportFileAsync(Definitions.SampleFile, Importer, CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.Error);
        using var db = _database.CreateDbContext();
        var standard = db.Standards.Include(s => s.Duties).Include(s => s.GatewayRequirements).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Created, Is.True);
            Assert.That(result.ReferenceNumber, Is.EqualTo("ST0413"));
            Assert.That(result.Version, Is.EqualTo("1.1"));
            Assert.That(result.DutyCount, Is.EqualTo(10));
            Assert.That(result.KsbCount, Is.Zero);
            Assert.That(standard.Title, Is.EqualTo("Healthcare science practitioner (integrated degree)"));
            Assert.That(standard.Level, Is.EqualTo(6));
            Assert.That(standard.TypicalDurationMonths, Is.EqualTo(36));
            Assert.That(standard.LarsCode, Is.EqualTo(168));
            Assert.That(standard.MaxFunding, Is.EqualTo(27000m));
            Assert.That(standard.Route, Is.EqualTo("Health and science"));
            Assert.That(standard.IntegratedDegree, Is.True);
            Assert.That(standard.Duties.Select(d => d.Code), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"D{n}")));
            Assert.That(standard.Duties.Select(d => d.Statement), Is.EqualTo(Definitions.DutyStatements));
            Assert.That(standard.Duties.Select(d => d.IsCore), Has.All.True);
            Assert.That(standard.GatewayRequirements, Has.Count.EqualTo(GatewayRequirement.Defaults.Count));
            Assert.That(db.AuditEvents.Single().Action, Is.EqualTo("standard.imported"));
            Assert.That(db.AuditEvents.Single().ActorName, Is.EqualTo("Helen Marsh"));
        });
    }

    [Test]
    public async Task Ksbs_are_coded_by_position_and_mapped_to_their_duties()
    {
        var result = await Import(WithKsbs(Sample()));

        Assert.That(result.Succeeded, Is.True, result.Error);
        using var db = _database.CreateDbContext();
        var standard = db.Standards.Include(s => s.Duties).ThenInclude(d => d.Ksbs).Include(s => s.Ksbs).Single();
        var codeOf = standard.Ksbs.ToDictionary(k => k.Id, k => k.Code);
        Assert.Multiple(() =>
        {
            Assert.That(result.KsbCount, Is.EqualTo(4));
            Assert.That(standard.Ksbs.Select(k => k.Code), Is.EqualTo(new[] { "K1", "K2", "S1", "B1" }));
            Assert.That(standard.Ksbs.Single(k => k.Code == "K2").Detail, Is.EqualTo("Principles of quality control."));
            Assert.That(standard.Duties[0].Ksbs.Select(m => codeOf[m.KsbId]), Is.EquivalentTo(new[] { "K1", "S1" }));
            Assert.That(standard.Duties[1].Ksbs.Select(m => codeOf[m.KsbId]), Is.EquivalentTo(new[] { "K2", "B1" }));
            Assert.That(standard.Duties[2].Ksbs, Is.Empty);
        });
    }

    [Test]
    public async Task A_ksb_whose_id_has_stray_spaces_still_maps_to_the_duty_that_lists_it()
    {
        var json = WithKsbs(Sample());
        json["knowledges"]![0]!["knowledgeId"] = "  k-1 ";
        json["duties"]![0]!["mappedKnowledge"] = new JsonArray("k-1");
        json["duties"]![1]!["mappedKnowledge"] = new JsonArray(" k-2\t");

        var result = await Import(json);

        Assert.That(result.Succeeded, Is.True, result.Error);
        using var db = _database.CreateDbContext();
        var standard = db.Standards.Include(s => s.Duties).ThenInclude(d => d.Ksbs).Include(s => s.Ksbs).Single();
        var codeOf = standard.Ksbs.ToDictionary(k => k.Id, k => k.Code);
        Assert.Multiple(() =>
        {
            Assert.That(standard.Ksbs.Single(k => k.Code == "K1").ExternalId, Is.EqualTo("k-1"));
            Assert.That(standard.Duties[0].Ksbs.Select(m => codeOf[m.KsbId]), Is.EquivalentTo(new[] { "K1", "S1" }));
            Assert.That(standard.Duties[1].Ksbs.Select(m => codeOf[m.KsbId]), Is.EquivalentTo(new[] { "K2", "B1" }));
        });
    }

    [Test]
    public async Task Numbers_as_text_and_flags_as_words_or_booleans_are_understood()
    {
        var json = Sample();
        json["level"] = "6";
        json["typicalDuration"] = "36";
        json["larsCode"] = "168";
        json["maxFunding"] = "27000";
        json["integratedDegree"] = "non-integrated degree";
        json.AsObject().Remove("version");
        json["versionNumber"] = "1.2";
        json["duties"]![0]!["isThisACoreDuty"] = false;
        json["unknownKeyFromTheFeed"] = new JsonObject { ["anything"] = 1 };

        var result = await Import(json);

        Assert.That(result.Succeeded, Is.True, result.Error);
        using var db = _database.CreateDbContext();
        var standard = db.Standards.Include(s => s.Duties).Single();
        Assert.Multiple(() =>
        {
            Assert.That(standard.Version, Is.EqualTo("1.2"));
            Assert.That(standard.Level, Is.EqualTo(6));
            Assert.That(standard.LarsCode, Is.EqualTo(168));
            Assert.That(standard.IntegratedDegree, Is.False);
            Assert.That(standard.Duties[0].IsCore, Is.False);
        });
    }

    [Test]
    public async Task Version_number_is_preferred_to_version_when_both_are_given()
    {
        var json = Sample();
        json["version"] = "1";
        json["versionNumber"] = "1.1";

        var result = await Import(json);

        Assert.That(result.Version, Is.EqualTo("1.1"));
    }

    public static IEnumerable<TestCaseData> BadFiles()
    {
        yield return Bad("malformed JSON", "{\n  \"referenceNumber\": \"ST0413\",\n  \"title\": \n}", "not valid JSON: the error is at line 4");
        yield return Bad("not an object", "[1, 2]", "one standard version as a JSON object");
        foreach (var field in new[] { "referenceNumber", "title", "level", "typicalDuration", "duties" })
        {
            var json = Sample();
            json.AsObject().Remove(field);
            yield return Bad($"no {field}", json.ToJsonString(), $"The file has no '{field}'.");
        }

        var noVersion = Sample();
        noVersion.AsObject().Remove("version");
        noVersion.AsObject().Remove("versionNumber");
        yield return Bad("no version", noVersion.ToJsonString(), "The file has no 'version' or 'versionNumber'.");

        var noDutyId = Sample();
        noDutyId["duties"]![1]!.AsObject().Remove("dutyId");
        yield return Bad("a duty without dutyId", noDutyId.ToJsonString(), "Duty 2 has no 'dutyId'.");

        var noDutyDetail = Sample();
        noDutyDetail["duties"]![2]!["dutyDetail"] = "  ";
        yield return Bad("a duty without dutyDetail", noDutyDetail.ToJsonString(), "Duty 3 has no 'dutyDetail'.");

        var noDuties = Sample();
        noDuties["duties"] = new JsonArray();
        yield return Bad("empty duties", noDuties.ToJsonString(), "'duties' list is empty");

        var unknownKsb = WithKsbs(Sample());
        unknownKsb["duties"]![4]!["mappedSkills"] = new JsonArray("no-such-skill");
        yield return Bad("a duty mapped to an unknown KSB", unknownKsb.ToJsonString(), "Duty D5 is mapped to KSB id 'no-such-skill', which the file does not define.");

        var duplicateDuty = Sample();
        duplicateDuty["duties"]![3]!["dutyId"] = duplicateDuty["duties"]![0]!["dutyId"]!.GetValue<string>();
        yield return Bad("duplicate duty ids", duplicateDuty.ToJsonString(), "duty 4 has");

        var longDutyId = Sample();
        longDutyId["duties"]![1]!["dutyId"] = new string('d', 101);
        yield return Bad("a dutyId longer than its column", longDutyId.ToJsonString(), "The dutyId of duty 2");

        var longKsbId = WithKsbs(Sample());
        longKsbId["knowledges"]![0]!["knowledgeId"] = new string('k', 101);
        yield return Bad("a knowledgeId longer than its column", longKsbId.ToJsonString(), "The id of K1");

        var wordLevel = Sample();
        wordLevel["level"] = "six";
        yield return Bad("a level in words", wordLevel.ToJsonString(), "The file's 'level' must be a number");

        var badLevel = Sample();
        badLevel["level"] = 12;
        yield return Bad("a level out of range", badLevel.ToJsonString(), "The level must be between 1 and 8");
    }

    [TestCaseSource(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_message_naming_the_problem_and_nothing_is_written(string content, string expected)
    {
        var before = _database.CountAllRows();

        var result = await _importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), Importer, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Error, Does.Contain(expected));
            Assert.That(_database.CountAllRows(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_missing_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-standard.json");

        var result = await _importer.ImportFileAsync(path, Importer, CancellationToken.None);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error, Does.Contain(path));
    }

    [Test]
    public async Task Re_importing_an_unchanged_version_succeeds_without_creating_it_again()
    {
        await Import(WithKsbs(Sample()));
        var dutyIds = DutyIds();

        var result = await Import(WithKsbs(Sample()));

        using var db = _database.CreateDbContext();
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.Error);
            Assert.That(result.Created, Is.False);
            Assert.That(db.Standards.Count(), Is.EqualTo(1));
            Assert.That(DutyIds(), Is.EqualTo(dutyIds), "Duties keep their identity, so evidence stays mapped.");
            Assert.That(db.Set<DutyKsb>().Count(), Is.EqualTo(4));
            Assert.That(db.AuditEvents.OrderBy(e => e.Id).Last().Action, Is.EqualTo("standard.reimported"));
        });
    }

    [Test]
    public async Task Re_importing_may_change_a_duty_that_no_evidence_uses()
    {
        await Import(Sample());
        var changed = Sample();
        changed["duties"]![6]!["dutyDetail"] = "Monitor the quality of the service.";

        var result = await Import(changed);

        using var db = _database.CreateDbContext();
        Assert.That(result.Succeeded, Is.True, result.Error);
        Assert.That(db.Duties.Single(d => d.Number == 7).Statement, Is.EqualTo("Monitor the quality of the service."));
    }

    [Test]
    public async Task Re_importing_may_remove_a_duty_that_no_evidence_uses()
    {
        await Import(WithKsbs(Sample()));
        var shorter = WithKsbs(Sample());
        shorter["duties"]!.AsArray().RemoveAt(0);

        var result = await Import(shorter);

        using var db = _database.CreateDbContext();
        var duties = db.Duties.OrderBy(d => d.Number).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.Error);
            Assert.That(result.DutyCount, Is.EqualTo(9));
            Assert.That(duties.Select(d => d.Code), Is.EqualTo(Enumerable.Range(1, 9).Select(n => $"D{n}")));
            Assert.That(duties.Select(d => d.Statement), Is.EqualTo(Definitions.DutyStatements.Skip(1)));
            Assert.That(db.Set<DutyKsb>().Count(), Is.EqualTo(2), "Only the former D2's mappings remain.");
        });
    }

    [Test]
    public async Task Re_importing_a_change_to_a_duty_that_evidence_uses_is_refused_and_nothing_is_written()
    {
        await Import(Sample());
        await AddEvidenceMappedToDuty(3);
        var changed = Sample();
        changed["duties"]![2]!["dutyDetail"] = "Provide clinical care.";
        var before = _database.CountAllRows();

        var result = await Import(changed);

        using var db = _database.CreateDbContext();
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Error, Does.Contain("D3 is used by evidence"));
            Assert.That(_database.CountAllRows(), Is.EqualTo(before));
            Assert.That(db.Duties.Single(d => d.Number == 3).Statement, Is.EqualTo(Definitions.DutyStatements[2]));
        });
    }

    [Test]
    public async Task Re_importing_without_a_duty_that_evidence_uses_is_refused()
    {
        await Import(Sample());
        await AddEvidenceMappedToDuty(10);
        var shorter = Sample();
        shorter["duties"]!.AsArray().RemoveAt(9);

        var result = await Import(shorter);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error, Does.Contain("D10 is used by evidence and cannot be removed"));
    }

    [Test]
    public async Task A_second_version_is_held_beside_the_first()
    {
        await Import(Sample());
        var next = Sample();
        next["version"] = "1.2";
        next["versionNumber"] = "1.2";
        next["duties"]![0]!["dutyDetail"] = "Practise according to the legal, ethical and professional standards.";

        var result = await Import(next);

        using var db = _database.CreateDbContext();
        var versions = db.Standards.Include(s => s.Duties).OrderBy(s => s.Version).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.Error);
            Assert.That(result.Created, Is.True);
            Assert.That(versions.Select(s => s.Version), Is.EqualTo(new[] { "1.1", "1.2" }));
            Assert.That(versions[0].Duties[0].Statement, Is.EqualTo(Definitions.DutyStatements[0]));
            Assert.That(versions[1].Duties[0].Statement, Is.EqualTo("Practise according to the legal, ethical and professional standards."));
        });
    }

    private static TestCaseData Bad(string name, string content, string expected) =>
        new TestCaseData(content, expected).SetArgDisplayNames(name);

    private static JsonNode Sample() => JsonNode.Parse(File.ReadAllText(Definitions.SampleFile))!;

    /// <summary>Adds two knowledge, one skill and one behaviour statement, mapped to D1 and D2.</summary>
    private static JsonNode WithKsbs(JsonNode json)
    {
        json["knowledges"] = new JsonArray(
            new JsonObject { ["knowledgeId"] = "k-1", ["detail"] = "Legal and ethical frameworks of healthcare science." },
            new JsonObject { ["knowledgeId"] = "k-2", ["detail"] = "Principles of quality control." });
        json["skills"] = new JsonArray(new JsonObject { ["skillId"] = "s-1", ["detail"] = "Apply codes of conduct in practice." });
        json["behaviours"] = new JsonArray(new JsonObject { ["behaviourId"] = "b-1", ["detail"] = "Treat people with dignity." });
        json["duties"]![0]!["mappedKnowledge"] = new JsonArray("k-1");
        json["duties"]![0]!["mappedSkills"] = new JsonArray("s-1");
        json["duties"]![1]!["mappedKnowledge"] = new JsonArray("k-2");
        json["duties"]![1]!["mappedBehaviour"] = new JsonArray("b-1");
        return json;
    }

    private Task<StandardImportResult> Import(JsonNode json) =>
        _importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), Importer, CancellationToken.None);

    private List<Guid> DutyIds()
    {
        using var db = _database.CreateDbContext();
        return db.Duties.OrderBy(d => d.Number).Select(d => d.Id).ToList();
    }

    private async Task AddEvidenceMappedToDuty(int number)
    {
        await using var db = _database.CreateDbContext();
        var standard = db.Standards.Include(s => s.Duties).Include(s => s.Ksbs).Single();
        var at = World.Now.AddMonths(-3);
        var provider = TrainingProvider.Create("University of Northbridge", null, World.Admin, at);
        var employer = Employer.Create(provider, "Northbridge Teaching Hospitals NHS Foundation Trust", World.Admin, at);
        var apprentice = Apprentice.Register(provider, "apprentice-user", "Ayşe", "Yılmaz", NameOrder.GivenFirst, "ayse@example.org", World.Admin, at);
        var enrolment = Enrolment.Enrol(apprentice, standard, employer, null, World.Today.AddMonths(-2), World.Today.AddMonths(34), World.Admin, at);
        var evidence = EvidenceItem.Draft(
            enrolment, standard, new EvidenceContent("Observed clinic", EvidenceType.Observation, World.Today.AddDays(-7), null),
            [standard.Duties.Single(d => d.Number == number).Id], [], World.Today, new Actor("apprentice-user", "Ayşe Yılmaz"), World.Now);
        db.AddRange(provider, employer, apprentice, enrolment, evidence);
        await db.SaveChangesAsync();
    }
}
