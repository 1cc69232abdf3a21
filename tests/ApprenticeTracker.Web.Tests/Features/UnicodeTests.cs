using System.Globalization;
using System.Text.RegularExpressions;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Features;

public sealed class UnicodeTests
{
    [Test]
    public async Task Text_outside_Latin_1_is_written_as_characters_not_numeric_entities()
    {
        const string title = "Practitioner standard for Łucja Wójcik, Nguyễn Thị Hà and Ayşe Yılmaz";
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        var file = await StandardFiles.WriteVariantAsync(factory, json =>
        {
            json["referenceNumber"] = "ST9413";
            json["title"] = title;
        });
        var import = await CommandLineRun.RunAsync(factory, "import-standard", file);

        var html = await (await client.GetAsync(HomeRoutes.Home)).Content.ReadAsStringAsync();

        Assert.That(import.ExitCode, Is.Zero, import.Error);
        Assert.That(html, Does.Contain(title));
        var escapedBeyondAscii = Regex.Matches(html, "&#x([0-9A-Fa-f]+);|&#([0-9]+);")
            .Select(m => m.Groups[1].Success ? int.Parse(m.Groups[1].Value, NumberStyles.HexNumber) : int.Parse(m.Groups[2].Value))
            .Where(codePoint => codePoint > 0x7F);
        Assert.That(escapedBeyondAscii, Is.Empty);
    }
}
