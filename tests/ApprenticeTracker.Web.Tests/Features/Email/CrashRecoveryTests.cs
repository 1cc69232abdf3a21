using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;

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
        _app = await AppProcess.StartAsync(_dataPath, smtpPort);
        var title = "Written before the crash " + Guid.NewGuid().ToString("N")[..8];
        using (var apprentice = _app.CreateClient())
        {
            using (await SignIn.PostLoginAsync(apprentice, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword))
            {
            }

            var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
            using var saved = await Forms.PostFormAsync(apprentice, "/evidence/new", EvidenceTestKit.Fields(title, [duties["D1"]], action: "submit"));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var pendingBeforeCrash = await PendingMailsAsync(title);
        _app.Kill();
        using var mail = new MailServer(smtpPort);
        _app = await AppProcess.StartAsync(_dataPath, smtpPort);

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

    /// <summary>The built web app (<c>dotnet ApprenticeTracker.Web.dll</c>) as a child process, in Development, so it seeds the demo data.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private AppProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<AppProcess> StartAsync(string dataPath, int smtpPort)
        {
            var webDll = Path.Combine(AppContext.BaseDirectory, "ApprenticeTracker.Web.dll");
            var port = MailServer.FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { webDll },
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["App__DataPath"] = dataPath;
            start.Environment["App__PublicBaseUrl"] = "https://tracker.test";
            start.Environment["Email__Host"] = "127.0.0.1";
            start.Environment["Email__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
            start.Environment["Email__UseTls"] = "None";
            start.Environment["Email__PollInterval"] = "00:00:00.200";
            start.Environment["Email__RetryDelay"] = "00:00:00.500";

            // The kill can land while the sender holds a claim on the mail (it polls and retries every fraction of a
            // second); the claim then lapses after the lease, so a short one keeps the wait after the restart short.
            start.Environment["Email__ClaimLease"] = "00:00:02";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => app.Append(e.Data);
            process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await app.WaitUntilHealthyAsync();
            return app;
        }

        public HttpClient CreateClient() =>
            new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

        /// <summary>SIGKILL: the process gets no chance to shut down or finish anything.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        private async Task WaitUntilHealthyAsync()
        {
            using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                try
                {
                    using var response = await client.GetAsync("/healthz");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(250);
            }

            string output;
            lock (_output)
            {
                output = _output.ToString();
            }

            Assert.Fail($"The app did not become healthy (exited: {_process.HasExited}). Its output:\n{output}");
        }
    }
}
