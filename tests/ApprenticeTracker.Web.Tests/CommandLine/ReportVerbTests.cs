using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.CommandLine;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.CommandLine;

public sealed class ReportVerbTests : SeededAppFixture
{
    private string _out = null!;

    [SetUp]
    public void NewOutputFolder() => _out = Path.Combine(Factory.DataPath, "reports-" + Guid.NewGuid().ToString("N"));

    [Test]
    public async Task Report_for_one_apprentice_writes_their_pdf_to_the_file_given()
    {
        var file = Path.Combine(_out, "lucja.pdf");

        var run = await CommandLineRun.RunAsync(Factory, "report", "--apprentice", DemoDataSeeder.ApprenticeEmail.ToUpperInvariant(), "--out", file);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("Wrote the report of Łucja Wójcik"));
        Assert.That(System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file)[..5]), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task Report_for_a_cohort_of_one_provider_writes_one_pdf_per_apprentice_with_progress()
    {
        var (name, provider, count, _) = (await CohortsAsync()).Where(c => c.Shared == 1).OrderByDescending(c => c.Count).First();

        var run = await CommandLineRun.RunAsync(Factory, "report", "--cohort", name, "--out", _out);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(count, Is.Positive, $"{name} of {provider} has apprentices");
        Assert.That(Directory.GetFiles(_out, "*.pdf"), Has.Length.EqualTo(count));
        Assert.That(run.Output, Does.Contain($"1 of {count}").And.Contain($"{count} of {count}"));
    }

    [Test]
    public async Task A_cohort_name_two_providers_share_is_refused_without_provider_and_narrowed_with_it()
    {
        var shared = (await CohortsAsync()).Where(c => c.Shared > 1).ToList();
        var (name, provider, count, _) = shared.First();

        var refused = await CommandLineRun.RunAsync(Factory, "report", "--cohort", name, "--out", _out);
        var narrowed = await CommandLineRun.RunAsync(Factory, "report", "--cohort", name, "--provider", provider, "--out", _out);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(refused.Error, Does.Contain($"each have a cohort named '{name}'").And.Contain("--provider"));
        Assert.That(narrowed.ExitCode, Is.Zero, narrowed.Error);
        Assert.That(Directory.GetFiles(_out, "*.pdf"), Has.Length.EqualTo(count));
    }

    [Test]
    public async Task Report_for_all_of_one_provider_writes_only_that_providers_apprentices()
    {
        var (_, provider, _, _) = (await CohortsAsync()).First();
        var ofProvider = (await CohortsAsync()).Where(c => c.Provider == provider).Sum(c => c.Count);

        var run = await CommandLineRun.RunAsync(Factory, "report", "--all", "--provider", provider, "--out", _out);
        var unknown = await CommandLineRun.RunAsync(Factory, "report", "--all", "--provider", "Nowhere College", "--out", _out + "-x");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(Directory.GetFiles(_out, "*.pdf"), Has.Length.EqualTo(ofProvider));
        Assert.That(ofProvider, Is.LessThan(await CountEnrolmentsAsync()), "the other provider has apprentices too");
        Assert.That(unknown.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(unknown.Error, Does.Contain("There is no training provider named 'Nowhere College'.").And.Contain(provider));
    }

    [Test]
    public async Task Report_for_all_writes_a_pdf_for_every_apprentice_named_after_them()
    {
        var run = await CommandLineRun.RunAsync(Factory, "report", "--all", "--out", _out);

        var enrolments = await CountEnrolmentsAsync();
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(Directory.GetFiles(_out, "*.pdf"), Has.Length.EqualTo(enrolments));
        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Has.Some.Match("^Łucja-Wójcik-[0-9a-f]{8}-epa-report\\.pdf$"));
        Assert.That(run.Output, Does.Contain($"{enrolments} of {enrolments}"));
    }

    [Test]
    public async Task An_unknown_apprentice_fails_with_the_reason_and_exit_1()
    {
        var run = await CommandLineRun.RunAsync(Factory, "report", "--apprentice", "nobody@example.org", "--out", Path.Combine(_out, "x.pdf"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("No apprentice has the email address 'nobody@example.org'."));
        Assert.That(Directory.Exists(_out), Is.False);
    }

    [Test]
    public async Task An_unknown_cohort_fails_with_the_reason_and_the_cohorts_there_are_and_exit_1()
    {
        var name = (await CohortsAsync()).First().Name;

        var run = await CommandLineRun.RunAsync(Factory, "report", "--cohort", "Spring 1999", "--out", _out);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("There is no cohort named 'Spring 1999'.").And.Contain(name));
    }

    [TestCase("report")]
    [TestCase("report", "--all")]
    [TestCase("report", "--all", "--cohort", "March 2025", "--out", "x")]
    [TestCase("report", "--apprentice", "--out", "x.pdf")]
    [TestCase("report", "--apprentice", "a@example.org", "--out", "folder")]
    [TestCase("report", "--apprentice", "a@example.org", "--provider", "x", "--out", "x.pdf")]
    [TestCase("report", "--all", "--provider", "--out", "x")]
    [TestCase("report", "--all", "--out", "x", "--format", "html")]
    public async Task A_report_command_line_not_understood_prints_the_usage_and_exits_2(params string[] args)
    {
        var run = await CommandLineRun.RunAsync(Factory, args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain(Usage.Text));
    }

    /// <summary>Every cohort with its provider, its number of enrolments and how many providers use its name.</summary>
    private async Task<List<(string Name, string Provider, int Count, int Shared)>> CohortsAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var cohorts = await (
                from c in db.Cohorts
                join p in db.TrainingProviders on c.TrainingProviderId equals p.Id
                select new { c.Name, Provider = p.Name, Count = db.Enrolments.Count(e => e.CohortId == c.Id) })
            .ToListAsync();
        return cohorts
            .Select(c => (c.Name, c.Provider, c.Count, cohorts.Where(o => o.Name == c.Name).Select(o => o.Provider).Distinct().Count()))
            .OrderByDescending(c => c.Count)
            .ToList();
    }

    private async Task<int> CountEnrolmentsAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Enrolments.CountAsync();
    }
}
