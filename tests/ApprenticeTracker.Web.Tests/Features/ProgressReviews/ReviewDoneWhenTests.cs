using System.Diagnostics;
using System.Net;
using ApprenticeTracker.Persistence.Reviews;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.ProgressReviews;
using ApprenticeTracker.Web.Features.Reports;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.ProgressReviews.ReviewRecords;

namespace ApprenticeTracker.Web.Tests.Features.ProgressReviews;

/// <summary>
/// Issue 14's "Done when", walked over HTTP on the demo data: the assessor records a review with actions and signs it;
/// the apprentice and employer@example.org each sign; the review shows complete on the three home pages, the next due
/// date moves on, and the PDF, the EPA report and the CSV export show it.
/// </summary>
public sealed class ReviewDoneWhenTests : SeededAppFixture
{
    [Test]
    public async Task A_review_recorded_by_the_assessor_and_signed_by_all_three_shows_complete_everywhere()
    {
        var pdftotext = RequiredTools.Require("pdftotext", "poppler-utils");
        var enrolmentId = await Factory.QueryAsync(db => (
                from a in db.Apprentices
                where a.Email == DemoDataSeeder.ApprenticeEmail
                join e in db.Enrolments on a.Id equals e.ApprenticeId
                select e.Id)
            .SingleAsync());
        var dueBefore = await DueAsync(enrolmentId);
        using var assessor = await SignInAsAssessorAsync();
        using var apprentice = await SignInAsApprenticeAsync();
        using var employer = await SignInAsync(DemoDataSeeder.EmployerEmail);

        // The assessor finds the apprentice's reviews from the apprentice's page, records one with actions, and signs.
        var overview = await AppFactory.ParseAsync(await assessor.GetAsync(AssessorRoutes.Apprentice(enrolmentId)));
        Assert.That(overview.QuerySelector("#reviews-link")?.GetAttribute("href"), Is.EqualTo(ProgressReviewRoutes.Enrolment(enrolmentId)));
        var reviewId = await DraftAsync(assessor, enrolmentId);
        using (var signed = await SignAsync(assessor, reviewId))
        {
            Assert.That(signed.RedirectTarget(), Does.EndWith("recorded=signed"));
        }

        // The apprentice and the employer each find it waiting for them on their home page, and sign.
        foreach (var (client, home) in new[] { (apprentice, PortfolioRoutes.Home), (employer, EmployerRoutes.Home) })
        {
            var page = await AppFactory.ParseAsync(await client.GetAsync(home));
            Assert.That(page.QuerySelector($"#reviews-due a[href='{ProgressReviewRoutes.Review(reviewId)}']")?.TextContent, Is.EqualTo("Sign the review"), home);
            using var signed = await SignAsync(client, reviewId);
            Assert.That(signed.RedirectTarget(), Does.EndWith("recorded=signed"), home);
        }

        // Complete on all three home pages, with the next due date moved on.
        var dueAfter = await DueAsync(enrolmentId);
        Assert.That(dueAfter.LastHeldOn, Is.EqualTo(Today.AddDays(-2)));
        Assert.That(dueAfter.NextDue!.Value, Is.GreaterThan(dueBefore.NextDue!.Value));
        foreach (var (client, home) in new[] { (assessor, AssessorRoutes.Caseload), (apprentice, PortfolioRoutes.Home), (employer, EmployerRoutes.Home) })
        {
            var page = await AppFactory.ParseAsync(await client.GetAsync(home));
            var row = page.QuerySelector($"#reviews-due li[data-enrolment='{enrolmentId}']");
            Assert.That(row, Is.Not.Null, home);
            Assert.That(row!.QuerySelector(".review-last")!.TextContent, Does.Contain($"Review of {Domain.Common.Dates.Display(Today.AddDays(-2))}: complete"), home);
            Assert.That(row.QuerySelector(".review-due")!.TextContent, Does.Contain($"Due by {Domain.Common.Dates.Display(dueAfter.NextDue!.Value)}"), home);
            Assert.That(row.QuerySelector(".review-awaiting"), Is.Null, home);
        }

        // The review's PDF and the EPA report show it with its three signatories; the CSV export has the dates.
        var signatories = await Factory.QueryAsync(db => db.ProgressReviewSignatures.Where(s => s.ProgressReviewId == reviewId).Select(s => s.Name).ToListAsync());
        Assert.That(signatories, Is.EquivalentTo(new[] { "Grace Adeyemi", "Łucja Wójcik", "Zoë Hartley" }));
        var reviewPdf = await PdfTextAsync(pdftotext, employer, ProgressReviewRoutes.Pdf(reviewId));
        var report = await PdfTextAsync(pdftotext, assessor, ReportsRoutes.Pdf(enrolmentId));
        foreach (var name in signatories)
        {
            Assert.That(reviewPdf, Does.Contain(name));
            Assert.That(report, Does.Contain(name));
        }

        Assert.That(report, Does.Contain("Progress reviews").And.Contain(Domain.Common.Dates.Display(Today.AddDays(-2))));
        using var admin = await SignInAsProviderAdminAsync();
        var csv = await (await admin.GetAsync(ProviderRoutes.DashboardCsv)).Content.ReadAsStringAsync();
        var lucja = csv.Split("\r\n").Single(l => l.StartsWith("Łucja Wójcik,", StringComparison.Ordinal));
        Assert.That(lucja, Does.Contain($",{Iso(Today.AddDays(-2))},{Iso(dueAfter.NextDue!.Value)},0,"));
    }

    private Task<ReviewDue> DueAsync(Guid enrolmentId) =>
        Factory.QueryAsync(async db => (await ReviewDueReader.ForOneAsync(db, db.Enrolments, enrolmentId, Today, CancellationToken.None))!);

    private static async Task<string> PdfTextAsync(string pdftotext, HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        var path = Path.Combine(Path.GetTempPath(), $"done-when-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var start = new ProcessStartInfo(pdftotext) { RedirectStandardOutput = true };
            foreach (var argument in new[] { "-enc", "UTF-8", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
