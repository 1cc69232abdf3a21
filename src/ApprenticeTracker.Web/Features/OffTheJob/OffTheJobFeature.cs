namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>Off-the-job training: the apprentice's log, approvals, and the behind-plan settings, checked at start-up.</summary>
public static class OffTheJobFeature
{
    public static IServiceCollection AddOffTheJob(this IServiceCollection services)
    {
        services.AddOptions<OffTheJobOptions>()
            .BindConfiguration(OffTheJobOptions.SectionName)
            .Validate(o => o.IsValid, "OffTheJob:AmberBehindPercent must be between 1 and 99, and OffTheJob:RedBehindPercent at least that and below 100.")
            .ValidateOnStart();
        services.AddScoped<OffTheJobQueries>();
        services.AddScoped<LogOffTheJobHandler>();
        services.AddScoped<AmendOffTheJobHandler>();
        services.AddScoped<DeleteOffTheJobHandler>();
        services.AddScoped<DecideOffTheJobHandler>();
        services.AddScoped<ApproveOffTheJobHandler>();
        services.AddScoped<RecordCohortSessionHandler>();
        return services;
    }
}
