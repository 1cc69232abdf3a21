namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>The addresses of the provider administrator's pages (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class ProviderRoutes
{
    public const string Dashboard = "/provider";
    public const string DashboardCsv = "/provider/dashboard.csv";
    public const string Enrol = "/provider/enrol";
    public const string EnrolmentTemplate = "/provider/enrolments/{Id:guid}";
    public const string OffTheJobPlanTemplate = "/provider/enrolments/{Id:guid}/off-the-job-plan";
    public const string Organisation = "/provider/organisation";
    public const string EmployerTemplate = "/provider/employers/{Id:guid}";
    public const string Standards = "/provider/standards";
    public const string ImportStandard = "/provider/standards/import";
    public const string Audit = "/provider/audit";
    public const string MailFailures = "/provider/mail-failures";

    public static string Enrolment(Guid enrolmentId) => $"/provider/enrolments/{enrolmentId}";

    public static string OffTheJobPlan(Guid enrolmentId) => $"/provider/enrolments/{enrolmentId}/off-the-job-plan";

    public static string Employer(Guid employerId) => $"/provider/employers/{employerId}";
}
