using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Email;

/// <summary>Mail the server never takes is given up after the last attempt and shown to the right provider's administrators.</summary>
public sealed class UndeliveredMailTests : SeededAppFixture
{
    protected override AppFactory CreateFactory() => new()
    {
        Database = Database,
        Settings = new Dictionary<string, string>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = MailServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:UseTls"] = "None",
            ["Email:MaxAttempts"] = "2",
            ["Email:RetryDelay"] = "00:00:00.100",
            ["Email:PollInterval"] = "00:00:00.100",
        },
    };

    [Test]
    public async Task Mail_that_fails_every_attempt_is_listed_for_its_providers_administrators_only()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Never delivered", [duties["D1"]], action: "submit"));
        var sender = Factory.Services.GetRequiredService<OutboxSender>();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.AnyAsync(m => m.Subject.Contains("Never delivered") && !m.PermanentlyFailed)))
        {
            await sender.SendDueAsync(CancellationToken.None);
            await Task.Delay(150);
        }

        var stored = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.Where(m => m.Subject.Contains("Never delivered")).ToListAsync());
        Assert.That(stored, Is.Not.Empty);
        Assert.That(stored.Select(m => (m.PermanentlyFailed, m.Attempts, m.SentAt)), Is.All.EqualTo((true, 2, (DateTimeOffset?)null)));
        Assert.That(stored[0].LastError, Does.Contain("could not be reached"));
        using var providerA = await SignInAsProviderAdminAsync();
        var pageA = await AppFactory.ParseAsync(await providerA.GetAsync(EmailFeature.FailedMailPath));
        Assert.That(pageA.QuerySelector("table.failed-mail")?.TextContent, Does.Contain("Never delivered").And.Contain(DemoDataSeeder.AssessorEmail));
        using var providerB = await SignInAsProviderBAdminAsync();
        var pageB = await AppFactory.ParseAsync(await providerB.GetAsync(EmailFeature.FailedMailPath));
        Assert.That(pageB.QuerySelector("main")?.TextContent, Does.Not.Contain("Never delivered"));
        using var assessor = await SignInAsAssessorAsync();
        Assert.That((await assessor.GetAsync(EmailFeature.FailedMailPath)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
    }
}

/// <summary>Development without an SMTP server: each mail is written as an .eml file under the data folder's mail/.</summary>
public sealed class MailFolderTests : SeededAppFixture
{
    [Test]
    public async Task Without_a_mail_server_each_mail_is_written_as_an_eml_file_under_the_data_folder()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Written to a file", [duties["D1"]], action: "submit"));

        await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

        var folder = Path.Combine(Factory.DataPath, MailFolderTransport.FolderName);
        var files = Directory.GetFiles(folder, "*.eml");
        var messages = files.Select(f => MimeKit.MimeMessage.Load(f)).Where(m => (m.Subject ?? string.Empty).Contains("Written to a file", StringComparison.Ordinal)).ToList();
        Assert.That(messages.SelectMany(m => m.To.Mailboxes).Select(b => b.Address), Does.Contain(DemoDataSeeder.AssessorEmail));
        Assert.That(messages[0].TextBody, Does.Contain($"http://localhost:5080/assessor/reviews/{EvidenceTestKit.SavedItemId(saved)}"));
    }
}
