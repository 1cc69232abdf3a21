using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// The app as a real process started the way README tells a person to start it (<c>dotnet run --project src/ApprenticeTracker.Web</c>,
/// launch profile and all, or the built program), listening on a free port of 127.0.0.1. Disposing it stops the
/// process and its children.
/// </summary>
public sealed partial class LaunchedApp : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LaunchedApp(Process process)
    {
        _process = process;
    }

    /// <summary>Where the app listens, for example <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The repository's root folder, found from the test's own output folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ApprenticeTracker.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The build configuration the tests were built in; the app was built in the same one.</summary>
    public static string Configuration =>
        typeof(LaunchedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// <c>dotnet run --project src/ApprenticeTracker.Web</c> from the repository root, as README says, without
    /// building again, with <paramref name="environment"/> added to a clean copy of this process's environment.
    /// </summary>
    public static Task<LaunchedApp> DotnetRunAsync(IReadOnlyDictionary<string, string> environment) =>
        StartAsync(["run", "--no-build", "-c", Configuration, "--project", Path.Combine("src", "ApprenticeTracker.Web"), "--", "--urls", "http://127.0.0.1:0"], environment);

    /// <summary>The built program, run with <c>dotnet</c> as a deployment runs it: no launch profile.</summary>
    public static Task<LaunchedApp> BuiltProgramAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartAsync([ProgramPath, .. args.Length > 0 ? args : ["--urls", "http://127.0.0.1:0"]], environment, waitForAddress: args.Length == 0);

    /// <summary>Runs a verb of the built program to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var app = await StartAsync([ProgramPath, .. args], environment, waitForAddress: false);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app._process.WaitForExitAsync(timeout.Token);
        app._process.WaitForExit();
        return (app._process.ExitCode, app.Output);
    }

    private static string ProgramPath =>
        Path.Combine(RepositoryRoot, "src", "ApprenticeTracker.Web", "bin", Configuration, "net10.0", "ApprenticeTracker.Web.dll");

    private static async Task<LaunchedApp> StartAsync(string[] args, IReadOnlyDictionary<string, string> environment, bool waitForAddress = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own settings must not leak in: only what the test sets decides.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("APPRENTICETRACKER_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("App__", StringComparison.OrdinalIgnoreCase)
                || key is "DOTNET_ENVIRONMENT" or "VSTEST_HOST_DEBUG")
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new LaunchedApp(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            app._output.Enqueue(e.Data);
            if (ListeningAddress().Match(e.Data) is { Success: true } found)
            {
                listening.TrySetResult(new Uri(found.Value));
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!waitForAddress)
        {
            return app;
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first != listening.Task)
        {
            var why = first == exited ? "exited" : "did not start in time";
            app.Dispose();
            throw new InvalidOperationException($"The app {why}. It wrote:{Environment.NewLine}{app.Output}");
        }

        app.Address = await listening.Task;
        return app;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }

        _process.Dispose();
    }

    /// <summary>The address line of the start-up banner: "  http://127.0.0.1:40123/".</summary>
    [GeneratedRegex(@"(?<=^\s+)http://127\.0\.0\.1:\d+(?=/$)")]
    private static partial Regex ListeningAddress();
}
