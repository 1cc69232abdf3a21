namespace ApprenticeTracker.Web.Features.WhatsNew;

/// <summary>Registers what's new: the header count's and the page's query, "mark as seen", and the circuit's signal.</summary>
public static class WhatsNewFeature
{
    public static IServiceCollection AddWhatsNew(this IServiceCollection services)
    {
        services.AddScoped<WhatsNewQuery>();
        services.AddScoped<MarkSeenHandler>();
        services.AddScoped<WhatsNewSignal>();
        return services;
    }
}
