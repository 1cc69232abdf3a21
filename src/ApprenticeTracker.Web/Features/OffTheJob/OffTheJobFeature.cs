namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>Off-the-job training: the apprentice's log, approvals, cohort sessions (the behind-plan settings are shared: see Settings).</summary>
public static class OffTheJobFeature
{
    public static IServiceCollection AddOffTheJob(this IServiceCollection services)
    {
        services.AddScoped<OffTheJobQueries>();
        services.AddScoped<LogOffTheJobHandler>();
        services.AddScoped<AmendOffTheJobHandler>();
        services.AddScoped<DeleteOffTheJobHandler>();
        services.AddScoped<DecideOffTheJobHandler>();
        services.AddScoped<ApproveOffTheJobHandler>();
        services.AddScoped<RecordCohortSessionHandler>();
        services.AddScoped<ImportOffTheJobHandler>();
        return services;
    }

    /// <summary>The download of an entry's file.</summary>
    public static WebApplication UseOffTheJob(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOffTheJobAttachment();
        return app;
    }
}
