using System.Diagnostics;
using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Standards;
using ApprenticeTracker.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 6's benchmark, on an SQLite file built by the real migrations: one report for an apprentice with 200
/// evidence items, from the database to PDF bytes (median, target 40 ms); then a zip of 500 apprentices' reports
/// written to a file as the web app streams it (target 20 s), with the process's working set sampled throughout
/// the export (target under 400 MB). The last two lines are the results.
/// </summary>
internal static class ReportBenchmark
{
    /// <summary>
    /// Warm-up lasts at least this many runs and this long, so that tiered compilation has promoted the hot paths
    /// (EF Core's materialisers included) to optimised code before anything is timed.
    /// </summary>
    private const int WarmUpRuns = 60;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(4);
    private const int MeasuredRuns = 40;
    private const int BulkApprentices = 500;
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static int Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("apprenticetracker-report-benchmark-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "benchmark.db")}";
        var factory = new Factory(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        var clock = new FixedClock(Now);
        try
        {
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var imported = await new StandardImporter(factory, clock).ImportFileAsync(StandardFile(), Actor.System, CancellationToken.None);
            if (!imported.Succeeded)
            {
                Console.Error.WriteLine($"The standard was not imported: {imported.Error}");
                return 1;
            }

            var setUp = Stopwatch.StartNew();
            var (large, bulk) = await SeedAsync(factory);
            Console.WriteLine(Invariant($"Seeded one apprentice with 200 evidence items and {bulk.Count} with about 15 each in {setUp.Elapsed.TotalSeconds:0.0} s"));

            var builder = new EpaReportBuilder(factory, null, clock);
            var export = new EpaReportExport(factory, builder);
            var sample = (await export.RenderAsync(large, CancellationToken.None))!;
            var samplePath = Path.Combine(folder.FullName, "report-200-items.pdf");
            await File.WriteAllBytesAsync(samplePath, sample);
            Console.WriteLine(Invariant($"EPA report of 200 items: {sample.Length / 1024.0:0.0} KB, written to {samplePath}"));

            var warmUp = Stopwatch.StartNew();
            var warmUpRuns = 0;
            while (warmUpRuns < WarmUpRuns || warmUp.Elapsed < WarmUpTime)
            {
                await export.RenderAsync(large, CancellationToken.None);
                warmUpRuns++;
            }

            // The split runs first: besides showing where the time goes, it extends the warm-up.
            var building = new List<double>(MeasuredRuns);
            var rendering = new List<double>(MeasuredRuns);
            for (var i = 0; i < MeasuredRuns; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var report = await builder.BuildAsync(large, withThumbnails: true, CancellationToken.None);
                building.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                EpaReportPdf.Render(report!);
                rendering.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            building.Sort();
            rendering.Sort();
            Console.WriteLine(Invariant($"EPA report parts: reading median {building[MeasuredRuns / 2]:0.0} ms, laying out and writing median {rendering[MeasuredRuns / 2]:0.0} ms"));

            // Processor time does not stretch with other work on a shared machine as wall-clock time does.
            var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var timings = new List<double>(MeasuredRuns);
            for (var i = 0; i < MeasuredRuns; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await export.RenderAsync(large, CancellationToken.None);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var processorPerReport = (Process.GetCurrentProcess().TotalProcessorTime - processorBefore).TotalMilliseconds / MeasuredRuns;

            timings.Sort();
            var median = timings[timings.Count / 2];
            Console.WriteLine(Invariant($"EPA report: {MeasuredRuns} runs after {warmUpRuns} warm-up runs, min {timings[0]:0.0} ms, median {median:0.0} ms, max {timings[^1]:0.0} ms; processor time {processorPerReport:0.0} ms per report (all threads)"));

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var zipPath = Path.Combine(folder.FullName, "bulk.zip");
            long peak;
            TimeSpan elapsed;
            using (var sampler = new WorkingSetSampler())
            {
                var started = Stopwatch.StartNew();
                await using (var file = new FileStream(zipPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await export.WriteZipAsync(bulk, file, CancellationToken.None);
                }

                elapsed = started.Elapsed;
                peak = sampler.Stop();
            }

            Console.WriteLine(Invariant($"Bulk export: {bulk.Count} reports, zip of {new FileInfo(zipPath).Length / 1024.0 / 1024.0:0.0} MB; process peak working set since start {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB (includes seeding)"));
            if (File.Exists("/proc/loadavg"))
            {
                // Wall-clock medians stretch with other work on the machine; say how busy it was.
                Console.WriteLine($"Load average (1, 5, 15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores");
            }

            Console.WriteLine(Invariant($"EPA report median_ms={median:0.0} target_ms=40"));
            Console.WriteLine(Invariant($"Bulk export apprentices={bulk.Count} seconds={elapsed.TotalSeconds:0.0} peak_mb={peak / 1024.0 / 1024.0:0} target_seconds=20 target_peak_mb=400"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Builds the records with the domain's own methods, as the app would have made them.</summary>
    private static async Task<(Guid Large, List<ReportTarget> Bulk)> SeedAsync(Factory factory)
    {
        var random = new Random(6);
        await using var db = factory.CreateDbContext();
        var standard = await db.Standards.Include(s => s.Duties).Include(s => s.Ksbs).Include(s => s.GatewayRequirements).SingleAsync();
        var admin = new Actor("admin", "Benchmark Admin");
        var provider = TrainingProvider.Create("Benchmark University", "10099999", admin, Now.AddYears(-3));
        var employer = Employer.Create(provider, "Benchmark NHS Trust", admin, Now.AddYears(-3));
        var cohort = Cohort.Create(provider, "Benchmark cohort", Today.AddMonths(-20), admin, Now.AddYears(-2));
        var assessor = Assessor.Register(provider, "assessor", "Grace", "Adeyemi", NameOrder.GivenFirst, "grace@example.org", null, admin, Now.AddYears(-2));
        db.AddRange(provider, employer, cohort, assessor);
        await db.SaveChangesAsync();

        var large = AddApprentice(db, standard, provider, employer, cohort, assessor, "Łucja", "Wójcik", 200, random);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var bulk = new List<ReportTarget>(BulkApprentices);
        for (var i = 0; i < BulkApprentices; i++)
        {
            var id = AddApprentice(db, standard, provider, employer, cohort, assessor, "Apprentice", $"Number {i + 1}", 13 + random.Next(5), random);
            bulk.Add(new ReportTarget(id, $"Apprentice Number {i + 1}"));
            if (i % 50 == 49)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        return (large, bulk);
    }

    private static Guid AddApprentice(
        AppDbContext db, Standard standard, TrainingProvider provider, Employer employer, Cohort cohort, Assessor assessor,
        string givenName, string familyName, int items, Random random)
    {
        var admin = new Actor("admin", "Benchmark Admin");
        var start = cohort.StartDate;
        var apprentice = Apprentice.Register(provider, Guid.NewGuid().ToString(), givenName, familyName, NameOrder.GivenFirst, $"{Guid.NewGuid():N}@example.org", admin, Now.AddYears(-2));
        var enrolment = Enrolment.Enrol(apprentice, standard, employer, cohort, start, start.AddMonths(standard.TypicalDurationMonths).AddDays(-1), admin, Now.AddYears(-2));
        enrolment.AssignAssessor(assessor, admin, Now.AddYears(-2));
        var self = new Actor(apprentice.UserId, apprentice.FullName);
        var duties = standard.Duties;
        var evidence = new List<EvidenceItem>(items);
        for (var i = 0; i < items; i++)
        {
            var activity = start.AddDays(7 + random.Next(Math.Max(1, Today.DayNumber - start.DayNumber - 30)));
            var at = new DateTimeOffset(activity.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
            var mapped = new List<Guid> { duties[i % duties.Count].Id };
            if (random.Next(3) == 0)
            {
                mapped.Add(duties[random.Next(duties.Count)].Id);
            }

            var item = EvidenceItem.Draft(
                enrolment, standard,
                new EvidenceContent($"Evidence {i + 1}: observed practice in the department", (EvidenceType)(1 + (i % 9)), activity,
                    "I carried out the procedure under supervision, following the departmental SOP. I checked the equipment, recorded the results and discussed the findings with my supervisor. Next time I will prepare the patient information sooner."),
                mapped, [], Today, self, at);
            var roll = random.Next(100);
            if (roll >= 10)
            {
                item.Submit(enrolment, self, at.AddDays(1));
                if (roll >= 25)
                {
                    if (roll < 40)
                    {
                        item.ReferBack(enrolment, assessor, "Say what you did yourself and what you learnt.", at.AddDays(3));
                        item.Submit(enrolment, self, at.AddDays(4));
                    }

                    item.Accept(enrolment, assessor, "Good evidence of working within your scope of practice.", at.AddDays(6));
                }
            }

            evidence.Add(item);
        }

        foreach (var duty in duties.Take(6))
        {
            var basis = evidence.Where(e => e.Status == EvidenceStatus.Accepted && e.Supports(duty.Id)).Take(3).ToList();
            if (basis.Count > 0)
            {
                enrolment.SignOffDuty(standard, duty.Id, assessor, basis, SignOffDeclaration.For(apprentice.FullName, standard, duty), Now.AddDays(-10));
            }
        }

        db.AddRange(apprentice, enrolment);
        db.EvidenceItems.AddRange(evidence);
        return enrolment.Id;
    }

    private static string StandardFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ApprenticeTracker.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? ".", "samples", "standards", "ST0413-v1.1.json");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Factory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Samples the process's working set every 10 ms on its own thread until stopped.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public WorkingSetSampler()
        {
            _thread = new Thread(() =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop)
                {
                    process.Refresh();
                    _peak = Math.Max(_peak, process.WorkingSet64);
                    Thread.Sleep(10);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return _peak;
        }

        public void Dispose() => Stop();
    }
}
