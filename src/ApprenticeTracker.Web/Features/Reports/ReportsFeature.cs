using System.Net.Http.Headers;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprenticeTracker.Web.Features.Reports;

/// <summary>
/// End-point assessment reports in the app: the report list, the HTML preview, the PDF download and the cohort zip,
/// each answering only for the enrolments <see cref="Security.AccessScopes"/> allows (404 for any other).
/// </summary>
public static class ReportsFeature
{
    /// <summary>Roles that may see reports; which reports is decided per enrolment by AccessScopes.</summary>
    public const string ReportRoles = Roles.Apprentice + "," + Roles.Assessor + "," + Roles.ProviderAdmin;

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new EpaReportBuilder(
            sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetService<EvidenceFileStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<EpaReportExport>();
        services.TryAddScoped<ReportsQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ReportsRoutes.PdfTemplate, DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ReportRoles });
        app.MapGet(ReportsRoutes.CohortZipTemplate, DownloadCohortAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ProviderAdmin });
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid enrolmentId, ReportsQuery query, EpaReportExport export, CancellationToken ct)
    {
        var name = await query.ApprenticeNameAsync(enrolmentId, ct);
        if (name is null)
        {
            return Results.NotFound();
        }

        var pdf = await export.RenderAsync(enrolmentId, ct);
        return pdf is null ? Results.NotFound() : Results.File(pdf, "application/pdf", EpaReportExport.FileName(name, enrolmentId));
    }

    private static async Task DownloadCohortAsync(Guid cohortId, HttpContext context, ReportsQuery query, EpaReportExport export, CancellationToken ct)
    {
        var cohort = await query.CohortExportAsync(cohortId, ct);
        if (cohort is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"{ReportTerms.EndPointAssessmentShort.ToLowerInvariant()}-reports-{cohort.Name}.zip",
        }.ToString();

        // Streamed: each report is written to the response as soon as it is made, never the whole zip at once.
        await export.WriteZipAsync(cohort.Targets, context.Response.Body, ct);
    }
}
