using ApprenticeTracker.Web.Hosting;

namespace ApprenticeTracker.Web.Tests.Hosting;

/// <summary>The person's setting of the environment wins over the launch profile's default.</summary>
public sealed class EnvironmentChoiceTests
{
    private const string Launch = EnvironmentChoice.LaunchProfileVariable;

    [Test]
    public void Under_the_launch_profile_with_nothing_set_the_app_runs_in_Development()
    {
        var chosen = EnvironmentChoice.DefaultFor([], Variables((Launch, "Development")));

        Assert.That(chosen, Is.EqualTo("Development"));
    }

    [TestCase("ASPNETCORE_ENVIRONMENT")]
    [TestCase("DOTNET_ENVIRONMENT")]
    public void An_environment_the_person_set_wins_over_the_launch_profile(string variable)
    {
        var chosen = EnvironmentChoice.DefaultFor([], Variables((Launch, "Development"), (variable, "Production")));

        Assert.That(chosen, Is.Null, "null leaves the host's own reading of the person's setting in force");
    }

    [TestCase("--environment", "Production")]
    [TestCase("--environment=Staging")]
    public void An_environment_given_on_the_command_line_wins_over_the_launch_profile(params string[] args)
    {
        var chosen = EnvironmentChoice.DefaultFor(args, Variables((Launch, "Development")));

        Assert.That(chosen, Is.Null);
    }

    [Test]
    public void Without_the_launch_profile_nothing_is_chosen_and_the_host_runs_in_Production()
    {
        var chosen = EnvironmentChoice.DefaultFor([], Variables());

        Assert.That(chosen, Is.Null);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}
