using System.Diagnostics;

namespace ApprenticeTracker.Pdf.Tests.Support;

/// <summary>The output of a finished tool run.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error);

/// <summary>
/// Finds and runs the Debian tools that judge our PDFs (qpdf, poppler-utils). A test whose tool is missing
/// is skipped with the reason, except when APPRENTICETRACKER_REQUIRE_TOOLS=1 (CI sets it): then it fails,
/// because a check that silently does not run is worse than none.
/// </summary>
public static class ExternalTool
{
    public const string RequireVariable = "APPRENTICETRACKER_REQUIRE_TOOLS";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The full path of <paramref name="name"/>; skips or fails the test when it is not installed.</summary>
    public static string Require(string name)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        var message = $"{name} is not installed: install Debian's qpdf and poppler-utils packages (apt-get install qpdf poppler-utils) to run this check.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{message} {RequireVariable}=1 requires every tool.");
        }

        Assert.Ignore(message);
        return name;
    }

    /// <summary>Runs a required tool and waits for it, failing the test if it does not finish within the timeout.</summary>
    public static ToolResult Run(string name, params string[] arguments) => Run(name, DefaultTimeout, arguments);

    public static ToolResult Run(string name, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Require(name))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }

    private static string? Find(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
