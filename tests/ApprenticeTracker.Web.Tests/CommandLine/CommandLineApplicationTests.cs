using ApprenticeTracker.Web.CommandLine;
using ApprenticeTracker.Web.Hosting;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.CommandLine;

public sealed class CommandLineApplicationTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [TestCase(new string[0], false)]
    [TestCase(new[] { "--urls", "http://localhost:5090" }, false)]
    [TestCase(new[] { "migrate" }, true)]
    [TestCase(new[] { "frobnicate" }, true)]
    [TestCase(new[] { "--help" }, true)]
    public void Only_a_command_line_that_starts_with_a_verb_or_asks_for_help_skips_the_web_app(string[] args, bool isVerb)
    {
        var result = CommandLineApplication.IsVerb(args);

        Assert.That(result, Is.EqualTo(isVerb));
    }

    [Test]
    public async Task An_unknown_verb_prints_the_usage_and_exits_2()
    {
        var run = await CommandLineRun.RunAsync(_factory, "frobnicate");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'frobnicate' is not a verb").And.Contain(Usage.Text));
    }

    [TestCase("help")]
    [TestCase("--help")]
    public async Task Help_prints_the_usage_and_exits_0(string verb)
    {
        var run = await CommandLineRun.RunAsync(_factory, verb);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain(Usage.Text));
    }

    [Test]
    public async Task Seed_demo_refuses_an_option_it_does_not_know_with_the_usage_and_exit_2()
    {
        var run = await CommandLineRun.RunAsync(_factory, "seed-demo", "--scale", "10");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'--scale'").And.Contain(Usage.Text));
    }

    [TestCase("--apprentices", "20")]
    [TestCase("--scale", "small", "--apprentices", "20")]
    [TestCase("--scale", "large", "--apprentices", "0")]
    [TestCase("--scale", "large", "--apprentices", "many")]
    [TestCase("--scale", "large", "--apprentices")]
    public async Task Seed_demo_refuses_a_size_that_is_not_a_number_of_apprentices_for_the_large_data(params string[] options)
    {
        var run = await CommandLineRun.RunAsync(_factory, ["seed-demo", .. options]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'--apprentices'").And.Contain(Usage.Text));
    }

    [Test]
    public async Task Import_standard_without_a_file_prints_the_usage_and_exits_2()
    {
        var run = await CommandLineRun.RunAsync(_factory, "import-standard");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(Usage.Text));
    }

    [Test]
    public async Task Import_standard_of_a_malformed_file_exits_1_with_the_reason()
    {
        var file = Path.Combine(_factory.DataPath, "malformed.json");
        await File.WriteAllTextAsync(file, "{ \"referenceNumber\": \"ST0413\",\n  \"title\": ");

        var run = await CommandLineRun.RunAsync(_factory, "import-standard", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("malformed.json was not imported").And.Contain("not valid JSON").And.Contain("line 2"));
    }

    [Test]
    public async Task Import_standard_of_a_file_without_a_required_field_exits_1_naming_the_field()
    {
        var file = await StandardFiles.WriteVariantAsync(_factory, json => json.Remove("referenceNumber"));

        var run = await CommandLineRun.RunAsync(_factory, "import-standard", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("The file has no 'referenceNumber'."));
    }

    [Test]
    public async Task Import_standard_of_a_missing_file_exits_1_naming_the_path()
    {
        var file = Path.Combine(_factory.DataPath, "no-such-standard.json");

        var run = await CommandLineRun.RunAsync(_factory, "import-standard", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(file));
    }

    [Test]
    public async Task Import_standard_of_the_shipped_sample_exits_0_and_says_what_it_imported()
    {
        var run = await CommandLineRun.RunAsync(_factory, "import-standard", SampleStandard.FilePath);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("ST0413 v1.1: 10 duties, 0 KSBs."));
    }

    [Test]
    public async Task Import_standard_of_a_new_version_exits_0_and_says_it_was_imported()
    {
        var file = await StandardFiles.WriteVariantAsync(_factory, json =>
        {
            json["version"] = "9.9";
            json["versionNumber"] = "9.9";
        });

        var run = await CommandLineRun.RunAsync(_factory, "import-standard", file);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.StartWith("Imported ST0413 v9.9: 10 duties, 0 KSBs."));
    }

    [Test]
    public async Task Migrate_exits_0_and_names_the_database()
    {
        var run = await CommandLineRun.RunAsync(_factory, "migrate");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain(_factory.DatabaseFile));
    }

    [Test]
    public async Task Migrate_refuses_arguments_with_exit_2()
    {
        var run = await CommandLineRun.RunAsync(_factory, "migrate", "now");

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
