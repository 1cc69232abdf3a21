using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Web;
using ApprenticeTracker.Web.CommandLine;
using ApprenticeTracker.Web.Hosting;

// Everything the app writes (database, evidence files, keys, backups) is for its own account only.
FileCreationMask.RestrictToOwner();

// A verb (migrate, import-standard, seed-demo, help) runs on the same host and exits; without one the app serves.
var runsVerb = CommandLineApplication.IsVerb(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = runsVerb ? [] : args,
    EnvironmentName = EnvironmentChoice.DefaultFor(runsVerb ? [] : args, Environment.GetEnvironmentVariable),
});
builder.AddPersistence();
builder.AddWebFeatures();

var app = builder.Build();
app.UseWebFeatures();

if (runsVerb)
{
    return await app.Services.GetRequiredService<CommandLineApplication>()
        .RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

// Held until the app stops, so that a restore cannot replace the data under it (and the app does not start during one).
using var dataFolder = DataFolderLock.TryShared(app.Services.GetRequiredService<DataPaths>());
if (dataFolder is null)
{
    await Console.Error.WriteLineAsync($"A restore is running on the data folder {app.Services.GetRequiredService<DataPaths>().Root}. Start the app when it has finished.");
    return ExitCodes.Failure;
}

var prepared = await app.Services.GetRequiredService<DataPreparation>()
    .PrepareAsync(seedDemoData: app.Environment.IsDevelopment(), app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<FileSweeper>().SweepAsync(dryRun: false, app.Lifetime.ApplicationStopping);
StartupBanner.WriteWhenStarted(app, prepared, Console.Out);

await app.RunAsync();
return ExitCodes.Success;

/// <summary>The entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
