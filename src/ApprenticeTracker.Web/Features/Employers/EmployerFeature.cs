namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>What an employer contact sees: their employer's apprentices with that provider, read-only.</summary>
public static class EmployerFeature
{
    public static IServiceCollection AddEmployer(this IServiceCollection services)
    {
        services.AddScoped<EmployerQueries>();
        services.AddScoped<AnswerTestimonyHandler>();
        services.AddScoped<AgreeGatewayHandler>();
        return services;
    }
}
