namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// Which environment the app runs in. The person's own setting always decides: <c>ASPNETCORE_ENVIRONMENT</c>,
/// <c>DOTNET_ENVIRONMENT</c> or <c>--environment</c>. Only when none is set does the launch profile's
/// <see cref="LaunchProfileVariable"/> apply, so that <c>dotnet run</c> with nothing set runs in Development, while
/// <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> runs in Production. (A launch profile that set
/// <c>ASPNETCORE_ENVIRONMENT</c> itself would override the person's value: <c>dotnet run</c> applies the profile's
/// variables over the environment's.)
/// </summary>
public static class EnvironmentChoice
{
    /// <summary>Set by <c>Properties/launchSettings.json</c>: the environment for <c>dotnet run</c> when the person sets none.</summary>
    public const string LaunchProfileVariable = "APPRENTICETRACKER_LAUNCH_ENVIRONMENT";

    /// <summary>
    /// The launch profile's environment when the person set none; null otherwise, which leaves the host's own rule
    /// (the person's setting, or Production) in force.
    /// </summary>
    public static string? DefaultFor(string[] args, Func<string, string?> environmentVariable)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environmentVariable);
        var launchDefault = environmentVariable(LaunchProfileVariable);
        if (string.IsNullOrWhiteSpace(launchDefault))
        {
            return null;
        }

        var fromArguments = new ConfigurationBuilder().AddCommandLine(args).Build()[HostDefaults.EnvironmentKey];
        var set = new[] { environmentVariable("ASPNETCORE_ENVIRONMENT"), environmentVariable("DOTNET_ENVIRONMENT"), fromArguments }
            .Any(v => !string.IsNullOrWhiteSpace(v));
        return set ? null : launchDefault.Trim();
    }
}
