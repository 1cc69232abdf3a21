using System.Globalization;
using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Email;

/// <summary>
/// The outbox survives a crash: the built app runs as a child process on its own data folder with the mail server
/// unreachable, an apprentice submits evidence, the process is killed (SIGKILL, no shutdown), and the app started
/// again with the mail server up delivers the mail.
/// </summary>
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "apprenticetracker-crash-tests", Guid.NewGuid().ToString("N"));
    private AppProcess? _app;

    [TearDown]
    public void StopAndClean()
    {
        _app?.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Test]
    public async Task A_mail_committed_before_a_crash_is_delivered_after_the_restart()
    {
        var smtpPort = MailServer.FreePort();
        _app = await StartAsync(smtpPort);
        var title = "Written before the crash " + Guid.NewGuid().ToString("N")[..8];
        using (var apprentice = _app.CreateClient())
        {
            using (await SignIn.PostLoginAsync(apprentice, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword))
            {
            }

            var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
            using var saved = await Forms.PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields(title, [duties["D1"]], action: "submit"));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var pendingBeforeCrash = await PendingMailsAsync(title);
        await _app.KillAsync();
        using var mail = new MailServer(smtpPort);
        _app = await StartAsync(smtpPort);

        var delivered = await mail.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.That(pendingBeforeCrash, Is.GreaterThan(0), "the mail was committed with the submission but not sent before the crash");
        Assert.That(delivered.To.Mailboxes.Select(b => b.Address), Does.Contain(DemoDataSeeder.AssessorEmail));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await PendingMailsAsync(title) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.That(await PendingMailsAsync(title), Is.Zero, "every assessor's mail is marked sent");
    }

    private async Task<int> PendingMailsAsync(string title)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataPath, "apprenticetracker.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL AND instr(Subject, $title) > 0";
        command.Parameters.AddWithValue("$title", title);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The built app (<see cref="AppProcess"/>) in Development, so that it seeds the demo data, with mail to a local port.</summary>
    private Task<AppProcess> StartAsync(int smtpPort) =>
        AppProcess.StartAsync(
            _dataPath,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["App__PublicBaseUrl"] = "https://tracker.test",
                ["Email__Host"] = "127.0.0.1",
                ["Email__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Email__UseTls"] = "None",
                ["Email__PollInterval"] = "00:00:00.200",
                ["Email__RetryDelay"] = "00:00:00.500",

                // The kill can land while the sender holds a claim on the mail (it polls and retries every fraction of
                // a second); the claim then lapses after the lease, so a short one keeps the wait after the restart short.
                ["Email__ClaimLease"] = "00:00:02",
            },
            CancellationToken.None);
}
