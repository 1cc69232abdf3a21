namespace ApprenticeTracker.Web.Features.Reports;

/// <summary>The addresses of the end-point assessment reports (see <see cref="Evidence.EvidenceRoutes"/> for the pattern).</summary>
public static class ReportsRoutes
{
    public const string Index = "/reports";
    public const string PreviewTemplate = "/reports/enrolments/{EnrolmentId:guid}";
    public const string PdfTemplate = "/reports/enrolments/{enrolmentId:guid}.pdf";
    public const string CohortZipTemplate = "/reports/cohorts/{cohortId:guid}.zip";

    public static string Preview(Guid enrolmentId) => $"/reports/enrolments/{enrolmentId}";

    public static string Pdf(Guid enrolmentId) => $"/reports/enrolments/{enrolmentId}.pdf";

    public static string CohortZip(Guid cohortId) => $"/reports/cohorts/{cohortId}.zip";
}
