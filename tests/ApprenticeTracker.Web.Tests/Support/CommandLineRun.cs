using ApprenticeTracker.Web.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>What a verb printed and returned, run in-process on a test host's services.</summary>
public sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandLineRun> RunAsync(AppFactory factory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var app = factory.Services.GetRequiredService<CommandLineApplication>();

        var exitCode = await app.RunAsync(args, output, error, CancellationToken.None);

        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }
}
