namespace ApprenticeTracker.Web.Live;

/// <summary>Registers live updates: the instance's event hub and each circuit's scoped view of it.</summary>
public static class LiveFeature
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<InProcessLiveEventHub>();
        services.AddSingleton<ILiveEventHub>(sp => sp.GetRequiredService<InProcessLiveEventHub>());
        services.AddScoped<LiveUpdates>();
        return services;
    }
}
