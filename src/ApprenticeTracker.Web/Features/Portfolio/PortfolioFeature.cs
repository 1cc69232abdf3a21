using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>The apprentice's pages: the portfolio, the duty pages and the evidence pages with their attachments.</summary>
public static class PortfolioFeature
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName);

        services.AddSingleton<PortfolioQueries>();
        services.AddSingleton<EvidenceQueries>();
        services.AddSingleton<SaveEvidenceHandler>();
        services.AddSingleton<DeleteEvidenceHandler>();
        return services;
    }

    /// <summary>
    /// The attachment download, and the request limits of the evidence forms: raised to fit every file at its largest,
    /// with a readable answer when a form sends more.
    /// </summary>
    public static WebApplication UsePortfolio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestTooLargeMessage>();
        app.MapAttachmentDownload();
        return app;
    }
}
