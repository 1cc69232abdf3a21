using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Hosting;

/// <summary>
/// The real app, as a process of its own, killed with SIGKILL in the middle of evidence uploads and started again:
/// nothing half-saved, no orphan file, and files readable by the owner only.
/// </summary>
[NonParallelizable]
public sealed class CrashSafetyTests
{
    private const int Workers = 4;
    private const int FileBytes = 3 * 1024 * 1024;
    private const string TitlePrefix = "Upload cut short ";
    private string _data = string.Empty;

    [SetUp]
    public void CreateDataFolder() => _data = Path.Combine(Path.GetTempPath(), "apprenticetracker-crash-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDataFolder()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Killed_during_concurrent_uploads_the_app_restarts_with_every_attachment_whole_and_no_orphan_file(CancellationToken ct)
    {
        var seeded = await AppProcess.RunVerbAsync(_data, ["seed-demo"], ct);
        Assert.That(seeded.ExitCode, Is.Zero, seeded.Error);
        var attempted = new ConcurrentDictionary<string, string[]>();
        var saved = new ConcurrentDictionary<string, bool>();
        string inFlightAtKill;
        using (var app = await AppProcess.StartAsync(_data, null, ct))
        using (var client = app.CreateClient())
        {
            using (var signedIn = await SignIn.PostLoginAsync(client, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword))
            {
                Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the demo apprentice should sign in");
            }

            var duty = (await DutyIdsAsync(client))["D1"];
            using var stop = new CancellationTokenSource();
            var uploads = Enumerable.Range(0, Workers)
                .Select(worker => Task.Run(() => UploadUntilStoppedAsync(client, worker, duty, attempted, saved, stop.Token), CancellationToken.None))
                .ToList();

            // Killed once items have been saved and while an upload is being received or saved, so that both a
            // committed save and one cut short exist at the moment of the kill.
            inFlightAtKill = await WaitForUploadInFlightAsync(() => saved.Count >= 2, ct);
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(uploads).WaitAsync(TimeSpan.FromSeconds(60), ct);
        }

        TestContext.Out.WriteLine($"At the kill: {inFlightAtKill}; {saved.Count} saves answered, {attempted.Count} begun.");
        using (var restarted = await AppProcess.StartAsync(_data, new Dictionary<string, string> { ["App__OrphanFileGracePeriod"] = "00:00:00" }, ct))
        {
            var rows = await AttachmentRowsAsync();
            var onDisk = Directory.GetFiles(Path.Combine(_data, DataPaths.FilesFolderName), "*", SearchOption.AllDirectories);
            var check = await AppProcess.RunVerbAsync(_data, ["check-files"], ct);

            Assert.Multiple(() =>
            {
                Assert.That(inFlightAtKill, Is.Not.Empty, "an upload should have been in flight when the app was killed");
                Assert.That(IntegrityCheck(), Is.EqualTo("ok"));
                Assert.That(onDisk.Select(Path.GetFileName).Order(), Is.EqualTo(rows.Select(r => r.StorageKey).Distinct().Order()), "every file has its row and every row its file");
                foreach (var row in rows)
                {
                    var file = onDisk.SingleOrDefault(f => Path.GetFileName(f) == row.StorageKey);
                    Assert.That(file is not null && Sha256(file) == row.Sha256, Is.True, $"the file of '{row.Title}' should be whole");
                }

                Assert.That(Directory.GetFiles(Path.Combine(_data, DataPaths.StagingFolderName)), Is.Empty, "no staged upload is left");
                Assert.That(Directory.GetFiles(Path.Combine(_data, DataPaths.TempFolderName)), Is.Empty, "no request buffer is left");
                foreach (var item in rows.Where(r => r.Title.StartsWith(TitlePrefix, StringComparison.Ordinal)).GroupBy(r => r.Title))
                {
                    Assert.That(item.Select(r => r.Sha256).Order(), Is.EqualTo(attempted[item.Key].Order()), $"'{item.Key}' should have both its files or not be saved");
                }

                foreach (var title in saved.Keys)
                {
                    Assert.That(rows.Count(r => r.Title == title), Is.EqualTo(2), $"'{title}' was saved, so it should be there with its files");
                }

                Assert.That(check.ExitCode, Is.Zero, check.Output + check.Error);
                Assert.That(check.Output, Does.Contain("Every attachment has its file."));
                AssertOwnerOnly(restarted.Output);
            });
        }
    }

    /// <summary>Logs evidence with two files of several MB, again and again, until stopped or the app is gone.</summary>
    private static async Task UploadUntilStoppedAsync(
        HttpClient client, int worker, Guid duty, ConcurrentDictionary<string, string[]> attempted, ConcurrentDictionary<string, bool> saved, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var title = $"{TitlePrefix}{worker}-{n}";
            byte[][] files = [Pdf(FileBytes), Pdf(FileBytes - 1000)];
            attempted[title] = files.Select(f => Convert.ToHexStringLower(SHA256.HashData(f))).ToArray();
            try
            {
                using var response = await Forms.PostFormAsync(client, EvidenceRoutes.New, Fields(title, [duty]), [File("scan-a.pdf", files[0]), File("scan-b.pdf", files[1])]);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    saved[title] = true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException)
            {
                // The app was killed under the request.
                return;
            }
        }
    }

    /// <summary>Waits until <paramref name="ready"/> and an upload is in the request buffer or staged; says which.</summary>
    private async Task<string> WaitForUploadInFlightAsync(Func<bool> ready, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            var buffers = CountFiles(DataPaths.TempFolderName);
            var staged = CountFiles(DataPaths.StagingFolderName);
            if (ready() && buffers + staged > 0)
            {
                return $"{buffers} request buffer(s), {staged} staged file(s)";
            }

            await Task.Delay(5, ct);
        }

        return string.Empty;
    }

    private int CountFiles(string folder)
    {
        var path = Path.Combine(_data, folder);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path).Count() : 0;
    }

    private static byte[] Pdf(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static string Sha256(string file)
    {
        using var stream = System.IO.File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private SqliteConnection Open() =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_data, DataPaths.DatabaseFileName), Pooling = false }.ToString());

    private string? IntegrityCheck()
    {
        using var connection = Open();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)command.ExecuteScalar();
    }

    private async Task<List<(string Title, string StorageKey, string Sha256)>> AttachmentRowsAsync()
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT i.Title, a.StorageKey, a.Sha256 FROM Attachments a JOIN EvidenceItems i ON i.Id = a.EvidenceItemId;";
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>The data folder and everything the app made in it is for the app's own account: 0700 folders, 0600 files.</summary>
    private void AssertOwnerOnly(string appOutput)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var database = Path.Combine(_data, DataPaths.DatabaseFileName);
        string[] files =
        [
            database, database + "-wal", database + "-shm",
            .. Directory.GetFiles(Path.Combine(_data, DataPaths.FilesFolderName), "*", SearchOption.AllDirectories),
            .. Directory.GetFiles(Path.Combine(_data, DataPaths.KeysFolderName)),
        ];
        string[] folders = [_data, .. Directory.GetDirectories(_data, "*", SearchOption.AllDirectories)];
        Assert.That(files, Has.Length.GreaterThan(5), appOutput);
        foreach (var path in files)
        {
            Assert.That(System.IO.File.GetUnixFileMode(path), Is.EqualTo(file), $"{Path.GetRelativePath(_data, path)} should be readable by its owner only");
        }

        foreach (var path in folders)
        {
            Assert.That(System.IO.File.GetUnixFileMode(path), Is.EqualTo(folder), $"{Path.GetRelativePath(_data, path)}/ should be open to its owner only");
        }
    }
}
