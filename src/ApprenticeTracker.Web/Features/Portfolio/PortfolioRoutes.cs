namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>The addresses of the apprentice's portfolio (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class PortfolioRoutes
{
    public const string Home = "/portfolio";
    public const string DutyTemplate = "/duties/{DutyId:guid}";

    public static string Duty(Guid dutyId) => $"/duties/{dutyId}";
}
