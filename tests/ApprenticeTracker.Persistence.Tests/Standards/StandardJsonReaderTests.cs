using System.Text;
using ApprenticeTracker.Persistence.Standards;
using ApprenticeTracker.Persistence.Tests.Support;

namespace ApprenticeTracker.Persistence.Tests.Standards;

public class StandardJsonReaderTests
{
    [Test]
    public void Reading_the_sample_gives_its_definition()
    {
        using var file = File.OpenRead(Definitions.SampleFile);

        var definition = StandardJsonReader.Read(file);

        Assert.Multiple(() =>
        {
            Assert.That(definition.ReferenceNumber, Is.EqualTo("ST0413"));
            Assert.That(definition.Version, Is.EqualTo("1.1"));
            Assert.That(definition.IntegratedDegree, Is.True);
            Assert.That(definition.Duties.Select(d => d.Statement), Is.EqualTo(Definitions.DutyStatements));
            Assert.That(definition.Ksbs, Is.Empty);
        });
    }

    [Test]
    public void Ids_are_trimmed_alike_on_ksbs_on_duties_and_in_the_lists_a_duty_maps()
    {
        const string json = """
            {
              "referenceNumber": "ST0413", "title": "Healthcare science practitioner", "version": "1.1",
              "level": 6, "typicalDuration": 36,
              "knowledges": [{ "knowledgeId": " k-1  ", "detail": "Legal frameworks." }],
              "skills": [{ "skillId": "\ts-1", "detail": "Apply codes of conduct." }],
              "behaviours": [{ "behaviourId": "b-1 ", "detail": "Treat people with dignity." }],
              "duties": [{
                "dutyId": " d-1 ", "dutyDetail": "Practise safely.",
                "mappedKnowledge": ["k-1 "], "mappedSkills": [" s-1"], "mappedBehaviour": ["b-1"]
              }]
            }
            """;
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var definition = StandardJsonReader.Read(content);

        Assert.Multiple(() =>
        {
            Assert.That(definition.Ksbs.Select(k => k.ExternalId), Is.EqualTo(new[] { "k-1", "s-1", "b-1" }));
            Assert.That(definition.Duties.Single().ExternalId, Is.EqualTo("d-1"));
            Assert.That(definition.Duties.Single().MappedKsbIds, Is.EqualTo(new[] { "k-1", "s-1", "b-1" }));
        });
    }

    [Test]
    public void Reading_malformed_json_names_the_line_and_position()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("{\n  \"referenceNumber\": ST0413\n}"));

        var refused = Assert.Throws<StandardFormatException>(() => StandardJsonReader.Read(content));

        Assert.That(refused!.Message, Is.EqualTo("The file is not valid JSON: the error is at line 2, position 22."));
    }
}
