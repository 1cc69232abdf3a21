namespace ApprenticeTracker.Web.Features.WhatsNew;

/// <summary>The address of the what's-new page (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class WhatsNewRoutes
{
    public const string Page = "/whats-new";
}
