namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// Finds the Debian tools some tests need. A missing tool skips the test with the reason, except under CI
/// (<c>APPRENTICETRACKER_REQUIRE_TOOLS=1</c>, set by <c>.ci/run</c>), where it fails the test.
/// </summary>
public static class RequiredTools
{
    public const string RequireVariable = "APPRENTICETRACKER_REQUIRE_TOOLS";

    public static string Require(string command, string debianPackage)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        var reason = $"'{command}' is not installed (Debian package {debianPackage}).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{reason} {RequireVariable}=1 requires it.");
        }

        Assert.Ignore(reason);
        return string.Empty;
    }
}
