namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>The apprentice's evidence: the list, logging, changing and deleting evidence, and attachment downloads.</summary>
public static class EvidenceFeature
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddScoped<EvidenceQueries>();
        services.AddScoped<EvidenceSaving>();
        services.AddScoped<LogEvidenceHandler>();
        services.AddScoped<EditEvidenceHandler>();
        services.AddScoped<RemoveAttachmentHandler>();
        services.AddScoped<DeleteEvidenceHandler>();
        services.AddScoped<ReviseEvidenceHandler>();
        return services;
    }

    /// <summary>
    /// The attachment download, and the request limits of the evidence forms: raised to fit every file at its largest,
    /// with a readable answer when a form sends more.
    /// </summary>
    public static WebApplication UseEvidence(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestTooLargeMessage>();
        app.MapAttachmentDownload();
        return app;
    }
}
