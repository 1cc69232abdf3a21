using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>A provider administrator sees only their own organisation; other roles cannot use the provider pages.</summary>
public sealed class ProviderPermissionTests : SeededAppFixture
{
    private static readonly string[] ProviderPages =
        [ProviderRoutes.Dashboard, ProviderRoutes.Enrol, ProviderRoutes.Organisation, ProviderRoutes.Standards, ProviderRoutes.ImportStandard, ProviderRoutes.Audit];

    [Test]
    public async Task The_dashboard_lists_the_apprentices_of_my_organisation_and_none_of_provider_B()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var response = await client.GetAsync(ProviderRoutes.Dashboard);

        var page = await AppFactory.ParseAsync(response);
        var names = page.QuerySelectorAll(".heat-map tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(names, Has.Count.EqualTo(20));
        Assert.That(names, Does.Contain("Łucja Wójcik"));
        Assert.That(names, Has.None.AnyOf(ProviderData.ProviderBApprentices.ToArray()));
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Not.Contain(ProviderData.ProviderBEmployer).And.Not.Contain(ProviderData.ProviderBAssessor));
    }

    [Test]
    public async Task Provider_B_sees_its_own_apprentices_and_none_of_provider_A()
    {
        using var client = await SignInAsProviderBAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard));

        var names = page.QuerySelectorAll(".heat-map tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(names, Is.EquivalentTo(ProviderData.ProviderBApprentices));
    }

    [Test]
    public async Task The_csv_export_holds_no_row_of_provider_B()
    {
        using var client = await SignInAsProviderAdminAsync();

        var csv = await client.GetStringAsync(ProviderRoutes.DashboardCsv);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(21));
        Assert.That(csv, Does.Contain("Łucja Wójcik"));
        foreach (var name in ProviderData.ProviderBApprentices.Append(ProviderData.ProviderBEmployer))
        {
            Assert.That(csv, Does.Not.Contain(name));
        }
    }

    [Test]
    public async Task The_audit_log_holds_no_entry_of_provider_B()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var first = await client.GetAsync(ProviderRoutes.Audit);
        var page = await AppFactory.ParseAsync(first);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var all = new StringBuilder(page.QuerySelector("main")!.TextContent);
        var pages = int.Parse(page.QuerySelector("[role=status]")!.TextContent.Split("of ").LastOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        for (var p = 2; p <= pages; p++)
        {
            all.Append((await AppFactory.ParseAsync(await client.GetAsync($"{ProviderRoutes.Audit}?page={p}"))).QuerySelector("main")!.TextContent);
        }

        var text = all.ToString();
        Assert.That(page.QuerySelectorAll("table.audit-log tbody tr"), Is.Not.Empty);
        Assert.That(text, Does.Contain("Łucja Wójcik"));
        foreach (var name in ProviderData.ProviderBApprentices.Concat([ProviderData.ProviderBAdmin, ProviderData.ProviderBAssessor, ProviderData.ProviderBEmployer]))
        {
            Assert.That(text, Does.Not.Contain(name));
        }
    }

    [Test]
    public async Task Employers_and_cohorts_are_those_of_my_organisation_only()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Organisation));

        var employers = page.QuerySelectorAll("section[aria-labelledby=employers-heading] tbody th").Select(th => th.TextContent.Trim()).ToList();
        var cohorts = page.QuerySelectorAll("section[aria-labelledby=cohorts-heading] tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(employers, Is.EqualTo(new[] { "Northbridge Teaching Hospitals NHS Foundation Trust" }));
        Assert.That(cohorts, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_enrolment_page_of_a_provider_B_enrolment_answers_404()
    {
        var theirs = await ProviderData.AnyEnrolmentOfProviderBAsync(Factory);
        using var client = await SignInAsProviderAdminAsync();

        using var response = await client.GetAsync(ProviderRoutes.Enrolment(theirs));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Not.Contain("Gruffudd").And.Not.Contain("Agnieszka").And.Not.Contain("Selin").And.Not.Contain("Kwame"));
    }

    [TestCase("#assign-form", "AssignForm.AssessorId", "assessor")]
    [TestCase("#unassign-form", "UnassignForm.UnassignId", "assessor")]
    [TestCase("#status-form", "StatusInput.Action", "withdraw")]
    [TestCase("#gateway-form", "GatewayInput.Key", "english-maths-l2")]
    public async Task Changing_a_provider_B_enrolment_answers_404_and_changes_nothing(string formSelector, string field, string value)
    {
        var theirs = await ProviderData.AnyEnrolmentOfProviderBAsync(Factory);
        var mine = await ProviderData.EnrolmentOfAsync(Factory, "Tereza");
        var before = await ProviderData.LoadEnrolmentAsync(Factory, theirs);
        using var client = await SignInAsProviderAdminAsync();
        var form = (await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Enrolment(mine)))).QuerySelector(formSelector) as IHtmlFormElement;
        var assessorId = before.Assignments.First().AssessorId.ToString();

        // The token and form name of a real form of my own enrolment, sent to provider B's enrolment instead.
        form!.SetAttribute("action", ProviderRoutes.Enrolment(theirs));

        using var response = await Forms.PostAsync(
            client, ProviderRoutes.Enrolment(theirs), form,
            [new(field, value == "assessor" ? assessorId : value), new("StatusInput.Reason", "Moved away")]);

        var after = await ProviderData.LoadEnrolmentAsync(Factory, theirs);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(after.ConcurrencyStamp, Is.EqualTo(before.ConcurrencyStamp));
        Assert.That(after.Status, Is.EqualTo(before.Status));
    }

    [Test]
    public async Task The_csv_export_ignores_a_filter_naming_a_provider_B_cohort()
    {
        var providerB = await ProviderData.ProviderIdAsync(Factory, DemoDataSeeder.ProviderBAdminEmail);
        var theirCohort = await ProviderData.QueryAsync(Factory, db => Task.FromResult(db.Cohorts.First(c => c.TrainingProviderId == providerB).Id));
        using var client = await SignInAsProviderAdminAsync();

        var csv = await client.GetStringAsync($"{ProviderRoutes.DashboardCsv}?cohort={theirCohort}");

        Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Every_provider_page_answers_403_to_an_apprentice_and_an_assessor()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using var assessor = await SignInAsAssessorAsync();
        var mine = await ProviderData.EnrolmentOfAsync(Factory, "Łucja");

        foreach (var url in ProviderPages.Append(ProviderRoutes.Enrolment(mine)).Append(ProviderRoutes.DashboardCsv))
        {
            using var asApprentice = await apprentice.GetAsync(url);
            using var asAssessor = await assessor.GetAsync(url);

            Assert.That(asApprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.Redirect), url);
            Assert.That(asAssessor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.Redirect), url);
            if (asApprentice.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.That(asApprentice.RedirectTarget(), Does.StartWith(AccountRoutes.AccessDenied), url);
            }
        }
    }

    [Test]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        using var client = Factory.CreateBrowser();

        using var response = await client.GetAsync(ProviderRoutes.Dashboard);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Does.StartWith(AccountRoutes.Login));
    }
}
