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
    public void Reading_malformed_json_names_the_line_and_position()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("{\n  \"referenceNumber\": ST0413\n}"));

        var refused = Assert.Throws<StandardFormatException>(() => StandardJsonReader.Read(content));

        Assert.That(refused!.Message, Is.EqualTo("The file is not valid JSON: the error is at line 2, position 22."));
    }
}
