using System.Globalization;
using System.Security.Cryptography;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Backups;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.CommandLine;

/// <summary>The <c>backup</c>, <c>verify-backup</c> and <c>restore</c> verbs.</summary>
public sealed class BackupRestoreTests
{
    private const int BurstSize = 12;
    private string _scratch = string.Empty;

    private string BackupFolder => Path.Combine(_scratch, "backup");

    private string RestoredFolder => Path.Combine(_scratch, "restored");

    [SetUp]
    public void CreateScratchFolder() => _scratch = Path.Combine(Path.GetTempPath(), "apprenticetracker-backup-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteScratchFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task A_backup_taken_during_a_burst_of_writes_restores_into_a_new_folder_with_every_row_and_file(CancellationToken ct)
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        using var client = await factory.SignInAsync(DemoDataSeeder.ApprenticeEmail);
        var duty = (await DutyIdsAsync(client))["D2"];
        var before = await CountItemsAsync(factory);
        var burst = Task.Run(
            async () =>
            {
                for (var i = 0; i < BurstSize; i++)
                {
                    using var saved = await Forms.PostFormAsync(client, EvidenceRoutes.New, Fields($"Burst {i}", [duty]), [File($"burst-{i}.pdf", Pdf(200_000))]);
                    SavedItemId(saved);
                }
            },
            ct);
        while (await CountItemsAsync(factory) < before + 2 && !burst.IsCompleted)
        {
            await Task.Delay(5, ct);
        }

        var backedUp = await CommandLineRun.RunAsync(factory, "backup", "--out", BackupFolder);
        await burst;
        var verified = await CommandLineRun.RunAsync(factory, "verify-backup", BackupFolder);
        var restored = await AppProcess.RunVerbAsync(RestoredFolder, ["restore", "--from", BackupFolder], ct);
        var checkedAfterwards = await AppProcess.RunVerbAsync(RestoredFolder, ["check-files"], ct);

        var backupRows = ReadAllRows(Path.Combine(BackupFolder, DataPaths.DatabaseFileName));
        var restoredRows = ReadAllRows(Path.Combine(RestoredFolder, DataPaths.DatabaseFileName));
        var liveRows = ReadAllRows(factory.DatabaseFile);
        var burstItemsBackedUp = backupRows["EvidenceItems"].Count(r => r.Contains("Burst ", StringComparison.Ordinal));
        TestContext.Out.WriteLine($"The backup holds {burstItemsBackedUp} of the {BurstSize} items of the burst.");
        Assert.Multiple(() =>
        {
            Assert.That(backedUp.ExitCode, Is.Zero, backedUp.Error);
            Assert.That(backedUp.Output, Does.StartWith("Backed up the database, "));
            Assert.That(verified.ExitCode, Is.Zero, verified.Error);
            Assert.That(verified.Output, Does.Contain("is whole"));
            Assert.That(restored.ExitCode, Is.Zero, restored.Output + restored.Error);
            Assert.That(checkedAfterwards.ExitCode, Is.Zero, checkedAfterwards.Output + checkedAfterwards.Error);
            Assert.That(burstItemsBackedUp, Is.GreaterThanOrEqualTo(2));
            Assert.That(restoredRows.Keys, Is.EquivalentTo(backupRows.Keys));
            foreach (var (table, rows) in backupRows)
            {
                Assert.That(restoredRows[table], Is.EqualTo(rows), $"every row of {table} is restored as backed up");

                // The burst only adds rows, so the backup, a snapshot taken during it, holds a part of what is there now.
                if (table != "DutyEvidenceCounts")
                {
                    Assert.That(rows.Except(liveRows[table]), Is.Empty, $"every backed-up row of {table} is one the app wrote");
                }
            }

            Assert.That(
                RelativeFiles(RestoredFolder, DataPaths.FilesFolderName).Select(Path.GetFileName).ToList(),
                Is.EquivalentTo(StorageKeys(Path.Combine(RestoredFolder, DataPaths.DatabaseFileName))).And.Count.GreaterThan(2),
                "the restored files are those the restored attachments refer to");
            foreach (var file in RelativeFiles(RestoredFolder, DataPaths.FilesFolderName).Concat(RelativeFiles(RestoredFolder, DataPaths.KeysFolderName)))
            {
                Assert.That(System.IO.File.ReadAllBytes(Path.Combine(RestoredFolder, file)), Is.EqualTo(System.IO.File.ReadAllBytes(Path.Combine(factory.DataPath, file))), $"{file} is restored byte for byte");
            }

            Assert.That(RelativeFiles(RestoredFolder, DataPaths.KeysFolderName), Is.EquivalentTo(RelativeFiles(factory.DataPath, DataPaths.KeysFolderName)).And.Not.Empty);
            AssertOwnerOnly(BackupFolder);
        });
    }

    [Test]
    public async Task Restore_is_refused_while_the_app_runs_on_the_data_folder()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        var backedUp = await CommandLineRun.RunAsync(factory, "backup", "--out", BackupFolder);
        var databaseBefore = System.IO.File.GetLastWriteTimeUtc(factory.DatabaseFile);

        var run = await CommandLineRun.RunAsync(factory, "restore", "--from", BackupFolder);

        Assert.Multiple(() =>
        {
            Assert.That(backedUp.ExitCode, Is.Zero, backedUp.Error);
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain($"The app or another verb is using the data folder {factory.DataPath}").And.Contain("Nothing was changed."));
            Assert.That(System.IO.File.GetLastWriteTimeUtc(factory.DatabaseFile), Is.EqualTo(databaseBefore));
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task A_backup_with_a_changed_file_fails_its_check_and_is_not_restored(CancellationToken ct)
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        await CommandLineRun.RunAsync(factory, "backup", "--out", BackupFolder);
        var evidenceFile = Directory.GetFiles(Path.Combine(BackupFolder, DataPaths.FilesFolderName), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        await System.IO.File.AppendAllTextAsync(evidenceFile, "tampered", ct);

        var verified = await CommandLineRun.RunAsync(factory, "verify-backup", BackupFolder);
        var restored = await AppProcess.RunVerbAsync(RestoredFolder, ["restore", "--from", BackupFolder], ct);

        var relative = Path.GetRelativePath(BackupFolder, evidenceFile);
        Assert.Multiple(() =>
        {
            Assert.That(verified.ExitCode, Is.EqualTo(1));
            Assert.That(verified.Error, Does.Contain($"{relative} has changed since the backup was made"));
            Assert.That(restored.ExitCode, Is.EqualTo(1));
            Assert.That(restored.Error, Does.Contain($"{relative} has changed since the backup was made").And.Contain("Nothing was restored."));
            Assert.That(System.IO.File.Exists(Path.Combine(RestoredFolder, DataPaths.DatabaseFileName)), Is.False);
        });
    }

    [Test]
    public async Task A_folder_without_a_manifest_is_not_a_backup()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        await CommandLineRun.RunAsync(factory, "backup", "--out", BackupFolder);
        System.IO.File.Delete(Path.Combine(BackupFolder, DataBackup.ManifestFileName));

        var verified = await CommandLineRun.RunAsync(factory, "verify-backup", BackupFolder);

        Assert.That(verified.ExitCode, Is.EqualTo(1));
        Assert.That(verified.Error, Does.Contain($"has no {DataBackup.ManifestFileName}: it is not a backup, or the backup did not finish"));
    }

    [Test]
    public async Task A_backup_is_refused_into_a_folder_that_is_not_empty()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        Directory.CreateDirectory(BackupFolder);
        await System.IO.File.WriteAllTextAsync(Path.Combine(BackupFolder, "notes.txt"), "mine");

        var run = await CommandLineRun.RunAsync(factory, "backup", "--out", BackupFolder);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain($"The folder {BackupFolder} is not empty. Back up into a new or empty folder."));
            Assert.That(Directory.GetFileSystemEntries(BackupFolder), Has.Length.EqualTo(1));
        });
    }

    [TestCase("backup")]
    [TestCase("backup", "--out")]
    [TestCase("restore", "somewhere")]
    [TestCase("verify-backup")]
    [TestCase("check-files", "--force")]
    public async Task A_verb_of_the_data_folder_without_its_arguments_prints_the_usage_and_exits_2(params string[] args)
    {
        using var factory = new AppFactory();

        var run = await CommandLineRun.RunAsync(factory, args);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("Usage:"));
    }

    private static byte[] Pdf(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Every row of every table, each as one line of its values, sorted.</summary>
    private static Dictionary<string, List<string>> ReadAllRows(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var all = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    DBNull => "NULL",
                    byte[] bytes => Convert.ToHexString(bytes),
                    IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                    var value => value.ToString(),
                })));
            }

            rows.Sort(StringComparer.Ordinal);
            all[table] = rows;
        }

        return all;
    }

    private static List<string> StorageKeys(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT StorageKey FROM Attachments;";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static List<string> RelativeFiles(string root, string folder)
    {
        var path = Path.Combine(root, folder);
        return Directory.Exists(path)
            ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static void AssertOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            Assert.That(System.IO.File.GetUnixFileMode(directory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), $"{directory} is for its owner only");
        }

        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            Assert.That(System.IO.File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is for its owner only");
        }
    }
}
