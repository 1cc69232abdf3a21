using System.Diagnostics;
using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Reports;
using ApprenticeTracker.Web.Features.ProgressReviews;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.ProgressReviews.ReviewRecords;

namespace ApprenticeTracker.Web.Tests.Features.ProgressReviews;

/// <summary>Each review downloads as a PDF that independent readers accept, with all three signatures.</summary>
public sealed class ProgressReviewPdfTests : SeededAppFixture
{
    private readonly HashSet<Guid> _used = [];

    [Test]
    public async Task A_signed_review_downloads_as_a_pdf_that_qpdf_accepts_with_the_three_signatures_names_and_times()
    {
        var qpdf = RequiredTools.Require("qpdf", "qpdf");
        var pdftotext = RequiredTools.Require("pdftotext", "poppler-utils");
        var apprentice = await FreshAsync(Factory, _used);
        using var assessor = await SignInAsAssessorAsync();
        using var employer = await SignInAsync(DemoDataSeeder.EmployerEmail);
        using var asApprentice = await SignInAsync(apprentice.ApprenticeEmail);
        var reviewId = await DraftAsync(assessor, apprentice.EnrolmentId);
        foreach (var client in new[] { assessor, asApprentice, employer })
        {
            using var signed = await SignAsync(client, reviewId);
            Assert.That(signed.RedirectTarget(), Does.EndWith("recorded=signed"));
        }

        using var response = await employer.GetAsync(ProgressReviewRoutes.Pdf(reviewId));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        var path = Path.Combine(Path.GetTempPath(), $"review-{reviewId:N}.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var check = Run(qpdf, "--check", path);
            Assert.That(check.ExitCode, Is.Zero, check.Output);
            Assert.That(check.Output, Does.Contain("No syntax or stream encoding errors found"));
            var text = Squeeze(Run(pdftotext, "-enc", "UTF-8", path, "-").Output);
            var signatures = await Factory.QueryAsync(db => db.ProgressReviewSignatures.AsNoTracking().Where(s => s.ProgressReviewId == reviewId).ToListAsync());
            Assert.That(signatures, Has.Count.EqualTo(3));
            foreach (var signature in signatures)
            {
                Assert.That(text, Does.Contain(Squeeze($"{signature.Name}, {signature.Capacity}")));
                Assert.That(text, Does.Contain(Squeeze($"Signed {ProgressReviewPdf.When(signature.At)}")));
            }

            Assert.That(text, Does.Contain("Log two observations of audit work"));
            Assert.That(text, Does.Contain("Complete: signed by all three parties"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
