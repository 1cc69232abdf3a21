namespace ApprenticeTracker.Web.Live;

/// <summary>
/// Registers live updates: the instance's event hub and each circuit's scoped view of it. On SQLite (one instance) the
/// hub is <see cref="InProcessLiveEventHub"/>; on PostgreSQL it is <see cref="PostgreSqlLiveEventHub"/>, which carries
/// events between instances through the database and delivers them through the in-process hub.
/// </summary>
public static class LiveFeature
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<InProcessLiveEventHub>();
        services.AddSingleton(sp => new PostgreSqlLiveEventHub(
            sp.GetRequiredService<InProcessLiveEventHub>(),
            sp.GetRequiredService<DataPaths>().ConnectionString,
            sp.GetRequiredService<ILogger<PostgreSqlLiveEventHub>>()));
        services.AddSingleton<ILiveEventHub>(sp => OnPostgreSql(sp)
            ? sp.GetRequiredService<PostgreSqlLiveEventHub>()
            : sp.GetRequiredService<InProcessLiveEventHub>());

        // The listening connection lives as long as the app serves; verbs run without hosted services.
        services.AddHostedService(sp => new LiveEventCarrier(OnPostgreSql(sp) ? sp.GetRequiredService<PostgreSqlLiveEventHub>() : null));
        services.AddScoped<LiveUpdates>();
        return services;
    }

    private static bool OnPostgreSql(IServiceProvider services) => services.GetRequiredService<DataPaths>().Provider == DatabaseProvider.PostgreSql;

    /// <summary>Starts and stops the carrier between instances, when there is one (the provider is read once the configuration is complete).</summary>
    private sealed class LiveEventCarrier(IHostedService? carrier) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => carrier?.StartAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => carrier?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
