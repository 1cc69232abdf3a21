using ApprenticeTracker.Persistence.Identity;
using CsvHelper;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// The cohort dashboard as CSV: one row per apprentice, the off-the-job hours as numbers, the duty columns as words. UTF-8 with a byte-order mark so
/// that spreadsheet programs read names such as Łucja correctly, and cells that a spreadsheet would take for a
/// formula are neutralised.
/// </summary>
public static class DashboardCsv
{
    private static readonly string[] FixedHeadings = ["Apprentice", "ULN", "Cohort", "Employer", "Assessors", "Status", "Duties signed off", "Duties", "Last evidence",
        "Off-the-job planned hours", "Off-the-job approved hours", "Off-the-job waiting hours", "Off-the-job planned to date hours",
        "Last progress review", "Next progress review due", "Progress review overdue days"];

    public static IEndpointRouteBuilder MapDashboardCsv(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProviderRoutes.DashboardCsv, ExportAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.ProviderAdmin));
        return endpoints;
    }

    /// <summary>
    /// Writes the header and the rows as UTF-8 with a byte-order mark. CsvHelper puts an apostrophe before any text
    /// cell that starts with =, +, -, @, tab or CR, so a spreadsheet shows it as text instead of running it.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<DutyColumn> duties, IReadOnlyList<DashboardRow> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(rows);
        var options = CsvWriterOptions.Default with
        {
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
        };
        using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        csv.WriteHeader(FixedHeadings
            .Concat(duties.Select(d => d.Code))
            .ToArray());
        foreach (var row in rows)
        {
            csv.WriteField(row.Name);
            csv.WriteField(row.Uln ?? string.Empty);
            csv.WriteField(row.Cohort ?? string.Empty);
            csv.WriteField(row.Employer);
            csv.WriteField(string.Join("; ", row.Assessors));
            csv.WriteField(row.Status.DisplayName(row.StartDate, today));
            csv.WriteField(row.DutiesSignedOff);
            csv.WriteField(row.DutyCount);
            csv.WriteField(row.LastEvidenceAt is { } at ? Dates.Display(at) : string.Empty);
            var otj = row.OffTheJob;
            csv.WriteField(otj.PlannedMinutes is { } planned ? DashboardOffTheJob.Hours(planned).ToString(CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(DashboardOffTheJob.Hours(otj.ApprovedMinutes).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(DashboardOffTheJob.Hours(otj.WaitingMinutes).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(DashboardOffTheJob.Hours(otj.PlannedToDateMinutes).ToString(CultureInfo.InvariantCulture));

            // Plain values: ISO dates and a whole number, for a spreadsheet to sort and sum.
            csv.WriteField(row.Review?.LastHeldOn is { } last ? last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(row.Review?.NextDue is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(row.Review?.OverdueDays ?? 0);
            foreach (var duty in duties)
            {
                csv.WriteField((row.Cells.GetValueOrDefault(duty.Number) ?? DutyCell.Empty).Describe());
            }

            csv.EndRecord();
        }
    }

    private static async Task ExportAsync(
        HttpContext context, DashboardQuery query, TimeProvider time,
        string? cohort, string? employer, string? assessor, string? status, string? sort, string? otj)
    {
        var filter = DashboardFilter.From(cohort, employer, assessor, status, sort, 1, otj);
        var (duties, rows) = await query.AllRowsAsync(filter, context.RequestAborted);

        var today = time.Today();
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition =
            $"attachment; filename=\"cohort-dashboard-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv\"";
        context.Response.Headers.CacheControl = "no-store";

        // Written to memory first: the server refuses synchronous writes to the response, and CsvHelper writes synchronously.
        using var buffer = new MemoryStream();
        Write(buffer, duties, rows, today);

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
