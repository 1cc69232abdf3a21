using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web;
using ApprenticeTracker.Web.CommandLine;
using ApprenticeTracker.Web.Hosting;

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

var prepared = await app.Services.GetRequiredService<DataPreparation>()
    .PrepareAsync(seedDemoData: app.Environment.IsDevelopment(), app.Lifetime.ApplicationStopping);
StartupBanner.WriteWhenStarted(app, prepared, Console.Out);

await app.RunAsync();
return ExitCodes.Success;

/// <summary>The entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
