namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>The addresses of the assessor's pages (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class AssessorRoutes
{
    public const string Caseload = "/assessor";
    public const string Reviews = "/assessor/reviews";
    public const string ReviewTemplate = "/assessor/reviews/{EvidenceId:guid}";
    public const string ApprenticeTemplate = "/assessor/apprentices/{EnrolmentId:guid}";
    public const string SignOffTemplate = "/assessor/apprentices/{EnrolmentId:guid}/duties/{DutyId:guid}/sign-off";
    public const string RevokeTemplate = "/assessor/apprentices/{EnrolmentId:guid}/sign-offs/{SignOffId:guid}/revoke";

    public static string Review(Guid evidenceId) => $"/assessor/reviews/{evidenceId}";

    public static string Apprentice(Guid enrolmentId) => $"/assessor/apprentices/{enrolmentId}";

    public static string SignOff(Guid enrolmentId, Guid dutyId) => $"/assessor/apprentices/{enrolmentId}/duties/{dutyId}/sign-off";

    public static string Revoke(Guid enrolmentId, Guid signOffId) => $"/assessor/apprentices/{enrolmentId}/sign-offs/{signOffId}/revoke";
}
