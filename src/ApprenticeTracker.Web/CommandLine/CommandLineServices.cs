namespace ApprenticeTracker.Web.CommandLine;

/// <summary>Registers the command-line verbs: the verbs belong to this layer, never to a feature.</summary>
public static class CommandLineServices
{
    public static IServiceCollection AddVerbs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<CommandLineApplication>();
        services.AddTransient<DataFolderVerbs>();
        services.AddScoped<ReportVerb>();
        return services;
    }
}
