using ApprenticeTracker.Web.Features.Evidence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>The apprentice's pages: the portfolio, the duty pages and the evidence pages with their attachments.</summary>
public static class PortfolioFeature
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName);

        // Ten files of 20 MB each must fit in one request: raise the server's and the form reader's limits to match.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<EvidenceOptions>>((kestrel, evidence) =>
            kestrel.Limits.MaxRequestBodySize = evidence.Value.MaxRequestBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<EvidenceOptions>>((form, evidence) =>
            form.MultipartBodyLengthLimit = evidence.Value.MaxRequestBytes);

        services.AddSingleton<PortfolioQueries>();
        services.AddSingleton<EvidenceQueries>();
        services.AddSingleton<SaveEvidenceHandler>();
        services.AddSingleton<DeleteEvidenceHandler>();
        return services;
    }

    /// <summary>The attachment download, and a readable answer when an evidence form sends more than the limits allow.</summary>
    public static WebApplication UsePortfolio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestTooLargeMessage>();
        app.MapAttachmentDownload();
        return app;
    }
}
