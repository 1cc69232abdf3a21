using System.IO.Compression;
using System.Net;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Reports;

namespace ApprenticeTracker.Web.Tests.Features.Reports;

/// <summary>
/// Who gets which report: the apprentice their own, an assessor those assigned to them, a provider admin their
/// organisation's; everyone else a 404 for the same address, on the PDF, the preview and the cohort zip.
/// </summary>
public sealed class ReportAccessTests : SeededAppFixture
{
    private Guid _own;
    private Guid _otherOfProviderA;
    private Guid _notAssignedToDemoAssessor;
    private Guid _ofProviderB;
    private Guid _earlierCohortA;
    private Guid _cohortB;
    private int _earlierCohortACount;

    [OneTimeSetUp]
    public async Task FindRecords()
    {
        var factory = Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var rows = await (
            from e in db.Enrolments
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            join p in db.TrainingProviders on e.TrainingProviderId equals p.Id
            join c in db.Cohorts on e.CohortId equals (Guid?)c.Id
            select new
            {
                e.Id, a.Email, Provider = p.Name, CohortId = c.Id, c.StartDate,
            }).ToListAsync();
        var assignments = (await (
            from x in db.AssessorAssignments
            where x.EndedAt == null
            join s in db.Assessors on x.AssessorId equals s.Id
            select new { x.EnrolmentId, s.Email }).ToListAsync()).ToLookup(x => x.EnrolmentId, x => x.Email);
        bool AssignedToDemoAssessor(Guid id) => assignments[id].Contains(DemoDataSeeder.AssessorEmail);
        _own = rows.Single(r => r.Email == DemoDataSeeder.ApprenticeEmail).Id;
        var providerA = rows.Where(r => r.Provider == "University of Northbridge").ToList();
        _otherOfProviderA = providerA.First(r => r.Id != _own && AssignedToDemoAssessor(r.Id)).Id;
        _notAssignedToDemoAssessor = providerA.First(r => !AssignedToDemoAssessor(r.Id)).Id;
        _ofProviderB = rows.First(r => r.Provider != "University of Northbridge").Id;
        _earlierCohortA = rows.Single(r => r.Id == _own).CohortId;
        _earlierCohortACount = rows.Count(r => r.CohortId == _earlierCohortA);
        _cohortB = rows.Single(r => r.Id == _ofProviderB).CohortId;
    }

    [Test]
    public async Task The_apprentice_downloads_their_own_report_as_a_pdf_named_after_them()
    {
        using var client = await SignInAsApprenticeAsync();

        using var response = await client.GetAsync(ReportsRoutes.Pdf(_own));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Does.StartWith("Łucja-Wójcik-"));
        Assert.That(System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..5]), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task The_apprentice_gets_404_for_anyone_elses_report_pdf_and_preview()
    {
        using var client = await SignInAsApprenticeAsync();

        using var pdf = await client.GetAsync(ReportsRoutes.Pdf(_otherOfProviderA));
        using var preview = await client.GetAsync(ReportsRoutes.Preview(_otherOfProviderA));

        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_assessor_gets_the_reports_of_assigned_apprentices_and_404_for_others()
    {
        using var client = await SignInAsAssessorAsync();

        using var assigned = await client.GetAsync(ReportsRoutes.Pdf(_otherOfProviderA));
        using var notAssigned = await client.GetAsync(ReportsRoutes.Pdf(_notAssignedToDemoAssessor));
        using var otherProvider = await client.GetAsync(ReportsRoutes.Pdf(_ofProviderB));

        Assert.That(assigned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(notAssigned.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(otherProvider.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_provider_admin_gets_every_report_of_their_organisation()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var own = await client.GetAsync(ReportsRoutes.Pdf(_notAssignedToDemoAssessor));
        using var otherProvider = await client.GetAsync(ReportsRoutes.Pdf(_ofProviderB));

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(otherProvider.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Provider_bs_admin_gets_404_for_provider_as_report_preview_and_cohort_zip()
    {
        using var client = await SignInAsProviderBAdminAsync();

        using var pdf = await client.GetAsync(ReportsRoutes.Pdf(_own));
        using var preview = await client.GetAsync(ReportsRoutes.Preview(_own));
        using var zip = await client.GetAsync(ReportsRoutes.CohortZip(_earlierCohortA));
        using var ownPdf = await client.GetAsync(ReportsRoutes.Pdf(_ofProviderB));

        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(zip.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ownPdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_enrolment_that_does_not_exist_is_404()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var response = await client.GetAsync(ReportsRoutes.Pdf(Guid.NewGuid()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static readonly TestCaseData[] ReportAddresses =
    [
        new TestCaseData((Func<Guid, string>)(_ => ReportsRoutes.Index)).SetArgDisplayNames("index"),
        new TestCaseData((Func<Guid, string>)ReportsRoutes.Preview).SetArgDisplayNames("preview"),
        new TestCaseData((Func<Guid, string>)ReportsRoutes.Pdf).SetArgDisplayNames("pdf"),
    ];

    [TestCaseSource(nameof(ReportAddresses))]
    public async Task Signed_out_a_report_address_sends_the_visitor_to_sign_in(Func<Guid, string> url)
    {
        using var client = Factory.CreateBrowser();
        var address = url(_own);

        using var response = await client.GetAsync(address);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Does.StartWith(AccountRoutes.Login + "?ReturnUrl="));
    }

    [Test]
    public async Task The_preview_shows_the_report_with_the_download_link()
    {
        using var client = await SignInAsAssessorAsync();

        using var response = await client.GetAsync(ReportsRoutes.Preview(_own));
        var document = await AppFactory.ParseAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document.QuerySelector("h1")!.TextContent, Does.Contain("Łucja Wójcik"));
        Assert.That(document.QuerySelectorAll("section h2").Select(h => h.TextContent), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"D{n}")));
        Assert.That(document.QuerySelector($"a[href='{ReportsRoutes.Pdf(_own)}']")?.TextContent, Does.Contain("Download EPA report"));
    }

    [Test]
    public async Task The_provider_admin_downloads_a_cohort_zip_holding_as_many_reports_as_the_page_says()
    {
        using var client = await SignInAsProviderAdminAsync();
        using var page = await client.GetAsync(ReportsRoutes.Index);
        var link = (await AppFactory.ParseAsync(page)).QuerySelector($"a[href='{ReportsRoutes.CohortZip(_earlierCohortA)}']");

        using var response = await client.GetAsync(ReportsRoutes.CohortZip(_earlierCohortA));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);

        Assert.That(link?.TextContent, Does.Contain($"Download {_earlierCohortACount} reports"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
        Assert.That(zip.Entries, Has.Count.EqualTo(_earlierCohortACount));
        Assert.That(zip.Entries.Select(e => e.Name), Has.Some.StartsWith("Łucja-Wójcik-"));
    }

    [Test]
    public async Task Only_provider_admins_may_export_a_cohort()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using var assessor = await SignInAsAssessorAsync();

        using var byApprentice = await apprentice.GetAsync(ReportsRoutes.CohortZip(_earlierCohortA));
        using var byAssessor = await assessor.GetAsync(ReportsRoutes.CohortZip(_earlierCohortA));

        Assert.That(byApprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byAssessor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_report_list_shows_each_role_only_the_reports_it_may_see()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using var providerB = await SignInAsProviderBAdminAsync();

        var ownList = await AppFactory.ParseAsync(await apprentice.GetAsync(ReportsRoutes.Index));
        var providerBList = await AppFactory.ParseAsync(await providerB.GetAsync(ReportsRoutes.Index));

        Assert.That(ownList.QuerySelectorAll("a[href$='.pdf']").Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { ReportsRoutes.Pdf(_own) }));
        Assert.That(providerBList.QuerySelectorAll("a[href$='.pdf']").Select(a => a.GetAttribute("href")), Does.Contain(ReportsRoutes.Pdf(_ofProviderB)).And.Not.Contain(ReportsRoutes.Pdf(_own)));
        Assert.That(providerBList.QuerySelector($"a[href='{ReportsRoutes.CohortZip(_cohortB)}']"), Is.Not.Null);
    }
}
