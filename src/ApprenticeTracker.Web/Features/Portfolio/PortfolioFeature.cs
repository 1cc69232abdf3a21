namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>The apprentice's portfolio: the grid of duties and the duty pages.</summary>
public static class PortfolioFeature
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddScoped<PortfolioQueries>();
        return services;
    }
}
