using System.Net.Http.Headers;
using System.Security.Cryptography;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.CommandLine;

/// <summary>The sweep of what interrupted uploads leave, at start-up and as the <c>check-files</c> verb.</summary>
public sealed class CheckFilesTests
{
    private static readonly DateTime TwoHoursAgo = DateTime.UtcNow.AddHours(-2);

    [Test]
    public async Task Check_files_removes_what_interrupted_uploads_left_once_older_than_the_grace_period_and_keeps_the_rest()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        var orphan = Leftover(factory, Path.Combine(DataPaths.FilesFolderName, "ab", "cd", "abcd" + new string('0', 28)), TwoHoursAgo);
        var staged = Leftover(factory, Path.Combine(DataPaths.StagingFolderName, new string('e', 32)), TwoHoursAgo);
        var buffer = Leftover(factory, Path.Combine(DataPaths.TempFolderName, "ASPNETCORE_0b7e5a7e.tmp"), TwoHoursAgo);
        var young = Leftover(factory, Path.Combine(DataPaths.FilesFolderName, "12", "34", "1234" + new string('0', 28)), DateTime.UtcNow);
        var referenced = await QueryAsync(factory, db => db.Attachments.Select(a => a.StorageKey).ToListAsync());

        var run = await CommandLineRun.RunAsync(factory, "check-files");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(new[] { orphan, staged, buffer }.Where(System.IO.File.Exists), Is.Empty);
            Assert.That(System.IO.File.Exists(young), Is.True, "a file younger than the grace period may belong to a save in progress");
            Assert.That(referenced.Where(k => !Stored(factory).Contains(k)), Is.Empty, "every referenced file stays");
            Assert.That(run.Output, Does.Contain($"Removed {Path.GetRelativePath(factory.DataPath, orphan)}: {FileSweeper.OrphanReason}"));
            Assert.That(run.Output, Does.Contain($"Removed {Path.GetRelativePath(factory.DataPath, staged)}: {FileSweeper.StagedReason}"));
            Assert.That(run.Output, Does.Contain($"Removed {Path.GetRelativePath(factory.DataPath, buffer)}: {FileSweeper.BufferReason}"));
            Assert.That(run.Output, Does.Contain("Removed 3 files left by interrupted uploads; spared 1 newer one"));
            Assert.That(run.Output, Does.Contain("Every attachment has its file."));
        });
    }

    [Test]
    public async Task A_dry_run_lists_what_it_would_remove_and_removes_nothing()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        var orphan = Leftover(factory, Path.Combine(DataPaths.FilesFolderName, "ab", "cd", "abcd" + new string('1', 28)), TwoHoursAgo);

        var run = await CommandLineRun.RunAsync(factory, "check-files", "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.Contain($"Would remove {Path.GetRelativePath(factory.DataPath, orphan)}"));
            Assert.That(System.IO.File.Exists(orphan), Is.True);
        });
    }

    [Test]
    public async Task An_attachment_whose_file_is_missing_is_named_and_check_files_exits_1()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        var attachment = await QueryAsync(factory, db => db.Attachments.OrderBy(a => a.FileName).FirstAsync());
        System.IO.File.Delete(Path.Combine(factory.DataPath, DataPaths.FilesFolderName, EvidenceFileStore.RelativePathFor(attachment.StorageKey)));

        var run = await CommandLineRun.RunAsync(factory, "check-files");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain($"The attachment '{attachment.FileName}' ({attachment.Id}) of evidence {attachment.EvidenceItemId} has no file"));
            Assert.That(run.Error, Does.Contain("1 attachment of the database has no file."));
        });
    }

    [Test]
    public void The_app_sweeps_at_start_up()
    {
        using var factory = new AppFactory();
        var orphan = Leftover(factory, Path.Combine(DataPaths.FilesFolderName, "ab", "cd", "abcd" + new string('2', 28)), TwoHoursAgo);
        var buffer = Leftover(factory, Path.Combine(DataPaths.TempFolderName, "ASPNETCORE_1c2d.tmp"), TwoHoursAgo);
        var young = Leftover(factory, Path.Combine(DataPaths.StagingFolderName, new string('f', 32)), DateTime.UtcNow);

        using var client = factory.CreateBrowser();

        Assert.Multiple(() =>
        {
            Assert.That(System.IO.File.Exists(orphan), Is.False);
            Assert.That(System.IO.File.Exists(buffer), Is.False);
            Assert.That(System.IO.File.Exists(young), Is.True);
        });
    }

    [Test]
    public async Task A_form_with_files_is_buffered_in_the_data_folder_while_it_is_received()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync();
        using var client = await factory.SignInAsync(Persistence.Seeding.DemoDataSeeder.ApprenticeEmail);
        var halfSent = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var body = new SlowBody(512 * 1024, halfSent, release);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=----slow");

        var post = client.PostAsync(EvidenceRoutes.New, body);
        await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var tmp = Path.Combine(factory.DataPath, DataPaths.TempFolderName);
        var buffers = await WaitUntilAsync(() => Directory.GetFiles(tmp), files => files.Length > 0);
        release.SetResult();
        using var response = await post;
        var afterwards = await WaitUntilAsync(() => Directory.GetFiles(tmp), files => files.Length == 0);

        Assert.That(buffers.Select(Path.GetFileName), Has.Some.Match(@"^ASPNETCORE_.*\.tmp$"));
        Assert.That(afterwards, Is.Empty, "the buffer goes when the request ends");
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds, for up to five seconds; returns the last reading.</summary>
    private static async Task<T> WaitUntilAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var value = read();
        for (var i = 0; i < 500 && !done(value); i++)
        {
            await Task.Delay(10);
            value = read();
        }

        return value;
    }

    private static string Leftover(AppFactory factory, string relative, DateTime lastWritten)
    {
        var path = Path.Combine(factory.DataPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(100));
        System.IO.File.SetLastWriteTimeUtc(path, lastWritten);
        return path;
    }

    private static HashSet<string> Stored(AppFactory factory) =>
        Directory.GetFiles(Path.Combine(factory.DataPath, DataPaths.FilesFolderName), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(f)!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>A multipart body with one large file part that stops halfway until released, as a slow upload does.</summary>
    private sealed class SlowBody(int fileBytes, TaskCompletionSource halfSent, TaskCompletionSource release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("------slow\r\nContent-Disposition: form-data; name=\"Attachments\"; filename=\"slow.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n"u8.ToArray());
            var chunk = new byte[fileBytes / 2];
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await release.Task;
            await stream.WriteAsync(chunk);
            await stream.WriteAsync("\r\n------slow--\r\n"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
