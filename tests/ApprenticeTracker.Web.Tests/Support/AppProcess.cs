using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// The built app run as a process of its own (<c>dotnet ApprenticeTracker.Web.dll</c>) in the "Testing" environment
/// on a data folder of the test's choosing, for what an in-process host cannot show: a process killed outright, and
/// verbs run on a folder that no host of the test process holds.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AppProcess(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    /// <summary>Where the app listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the app has written to its standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The app's build beside the tests: the test project references the web project, which copies it here.</summary>
    private static string WebDll => Path.Combine(AppContext.BaseDirectory, "ApprenticeTracker.Web.dll");

    /// <summary>Starts the app on a free port and waits until it answers <c>/healthz</c>.</summary>
    /// <param name="settings">Environment variables besides the data folder, such as <c>App__OrphanFileGracePeriod</c>.</param>
    public static async Task<AppProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string>? settings, CancellationToken ct)
    {
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Create(dataPath, settings, ["--urls", "http://127.0.0.1:0"]);
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (ListeningAddress().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + HomeRoutes.Home));
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout, ct);
            var app = new AppProcess(process, output, address);
            using var client = app.CreateClient();
            using var health = await client.GetAsync("/healthz", ct);
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app should be healthy once it listens");
            return app;
        }
        catch (Exception ex) when (ex is not AssertionException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            string said;
            lock (output)
            {
                said = output.ToString();
            }

            process.Dispose();
            throw new InvalidOperationException($"The app did not start: {ex.Message}\n{said}", ex);
        }
    }

    /// <summary>Runs a verb in a process of its own and waits for it to exit.</summary>
    public static async Task<CommandLineRun> RunVerbAsync(string dataPath, IReadOnlyList<string> args, CancellationToken ct, IReadOnlyDictionary<string, string>? settings = null)
    {
        using var process = Create(dataPath, settings, args);
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct).WaitAsync(StartTimeout, ct);
        }
        catch
        {
            process.Kill();
            throw;
        }

        return new CommandLineRun(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// A client of the app that keeps cookies and does not follow redirects, as the in-process tests' clients; given a
    /// cookie jar, it shares it (cookies do not depend on the port, so one jar serves two instances on one host).
    /// </summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Ends the process with SIGKILL, as <c>kill -9</c> does: no clean-up of any kind runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static Process Create(string dataPath, IReadOnlyDictionary<string, string>? settings, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = WebExtensions.TestingEnvironment;
        start.Environment["App__DataPath"] = dataPath;
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new Process { StartInfo = start };
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:[1-9][0-9]*)")]
    private static partial Regex ListeningAddress();
}
