namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The addresses of an employer contact's pages (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class EmployerRoutes
{
    public const string Home = "/employer";
    public const string ApprenticeTemplate = "/employer/apprentices/{EnrolmentId:guid}";
    public const string EvidenceTemplate = "/employer/apprentices/{EnrolmentId:guid}/evidence/{EvidenceId:guid}";

    public static string Apprentice(Guid enrolmentId) => $"/employer/apprentices/{enrolmentId}";

    public static string Evidence(Guid enrolmentId, Guid evidenceId) => $"/employer/apprentices/{enrolmentId}/evidence/{evidenceId}";
}
