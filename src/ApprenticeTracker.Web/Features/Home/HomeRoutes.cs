namespace ApprenticeTracker.Web.Features.Home;

/// <summary>The public home page's address (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class HomeRoutes
{
    public const string Home = "/";
}
