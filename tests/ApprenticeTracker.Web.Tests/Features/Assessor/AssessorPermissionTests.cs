using System.Net;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>
/// An assessor sees only the apprentices currently assigned to them: every assessor route that takes an id answers
/// 404 for anyone else's record, and the assessor pages answer 403 to the other roles.
/// </summary>
public sealed class AssessorPermissionTests : SeededAppFixture
{
    private HttpClient _assessor = null!;

    [OneTimeSetUp]
    public async Task SignInTheDemoAssessor() => _assessor = await SignInAsAssessorAsync();

    [OneTimeTearDown]
    public void SignOut() => _assessor.Dispose();

    [Test]
    public async Task The_caseload_lists_exactly_the_apprentices_currently_assigned_to_me()
    {
        var mine = await Factory.EnrolmentsOfAsync();

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Caseload));

        var linked = page.QuerySelectorAll("table.caseload tbody th[scope=row] a")
            .Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1]))
            .ToList();
        Assert.That(linked, Is.EquivalentTo(mine));
    }

    [Test]
    public async Task The_review_queue_holds_only_submitted_items_of_my_apprentices()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var expected = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => mine.Contains(e.EnrolmentId) && e.Status == EvidenceStatus.Submitted)
            .Select(e => e.Id)
            .ToListAsync());

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Reviews));

        var listed = page.QuerySelectorAll("tbody th[scope=row] a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(listed, Is.EquivalentTo(expected));
    }

    [TestCase("colleague's")]
    [TestCase("other provider's")]
    public async Task Every_route_about_an_apprentice_not_assigned_to_me_answers_not_found(string whose)
    {
        var enrolmentId = whose == "colleague's" ? await Factory.ColleaguesEnrolmentAsync() : await Factory.OtherProvidersEnrolmentAsync();
        var enrolment = await Factory.EnrolmentAsync(enrolmentId);
        var anyDuty = await Factory.QueryAsync(db => db.Duties.Where(d => d.StandardId == enrolment.StandardId).Select(d => d.Id).FirstAsync());
        var submitted = (await Factory.EvidenceAsync(enrolmentId, EvidenceStatus.Submitted))[0];
        var accepted = (await Factory.EvidenceAsync(enrolmentId, EvidenceStatus.Accepted))[0];
        var signOff = enrolment.SignOffs.First();

        string[] urls =
        [
            AssessorRoutes.Apprentice(enrolmentId),
            AssessorRoutes.Review(submitted),
            AssessorRoutes.Review(accepted),
            AssessorRoutes.SignOff(enrolmentId, anyDuty),
            AssessorRoutes.Revoke(enrolmentId, signOff.Id),
        ];
        foreach (var url in urls)
        {
            using var response = await _assessor.GetAsync(url);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
            Assert.That((await AppFactory.ParseAsync(response)).QuerySelector("h1")?.TextContent, Is.EqualTo("Page not found"), url);
        }
    }

    [Test]
    public async Task A_draft_of_my_own_apprentice_is_not_found_in_review()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var draft = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => mine.Contains(e.EnrolmentId) && e.Status == EvidenceStatus.Draft)
            .Select(e => e.Id)
            .FirstAsync());

        using var response = await _assessor.GetAsync(AssessorRoutes.Review(draft));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_duty_or_sign_off_that_is_not_my_apprentices_is_not_found()
    {
        var mine = (await Factory.EnrolmentsOfAsync()).Order().ToList();
        var target = mine[0];
        var othersSignOff = await Factory.QueryAsync(db => db.DutySignOffs
            .Where(s => mine.Contains(s.EnrolmentId) && s.EnrolmentId != target)
            .Select(s => s.Id)
            .FirstAsync());

        using var unknownDuty = await _assessor.GetAsync(AssessorRoutes.SignOff(target, Guid.NewGuid()));
        using var unknownSignOff = await _assessor.GetAsync(AssessorRoutes.Revoke(target, Guid.NewGuid()));
        using var anotherApprenticesSignOff = await _assessor.GetAsync(AssessorRoutes.Revoke(target, othersSignOff));

        Assert.That(unknownDuty.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownSignOff.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(anotherApprenticesSignOff.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Posting_a_decision_about_another_providers_evidence_answers_not_found_and_changes_nothing()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var myItem = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => mine.Contains(e.EnrolmentId) && e.Status == EvidenceStatus.Submitted)
            .Select(e => e.Id)
            .FirstAsync());
        var theirs = (await Factory.EvidenceAsync(await Factory.OtherProvidersEnrolmentAsync(), EvidenceStatus.Submitted))[0];
        var myForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Review(myItem)))).QuerySelector(Forms.MainForm)!;
        Console.WriteLine(myForm.OuterHtml);

        // A crafted post: my own form's token and fields, sent to the address of another provider's item.
        myForm.RemoveAttribute("action");
        using var response = await Forms.PostAsync(_assessor, AssessorRoutes.Review(theirs), myForm, [new("Form.Decision", "accept")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), response.RedirectTarget());
        Assert.That((await Factory.EvidenceItemAsync(theirs)).Status, Is.EqualTo(EvidenceStatus.Submitted));
    }

    [TestCase(DemoDataSeeder.ApprenticeEmail)]
    [TestCase(DemoDataSeeder.ProviderEmail)]
    [TestCase(DemoDataSeeder.ProviderBAdminEmail)]
    public async Task Apprentices_and_provider_administrators_are_forbidden_the_assessor_pages(string email)
    {
        var enrolmentId = (await Factory.EnrolmentsOfAsync()).Order().First();
        var item = (await Factory.EvidenceAsync(enrolmentId, EvidenceStatus.Accepted))[0];
        var duty = (await Factory.EvidenceItemAsync(item)).Duties.First().DutyId;
        using var client = await SignInAsync(email);

        string[] urls =
        [
            AssessorRoutes.Caseload,
            AssessorRoutes.Reviews,
            AssessorRoutes.Apprentice(enrolmentId),
            AssessorRoutes.Review(item),
            AssessorRoutes.SignOff(enrolmentId, duty),
        ];
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
        }
    }

    [Test]
    public async Task Someone_signed_out_is_sent_to_sign_in_first()
    {
        using var client = Factory.CreateBrowser();

        using var response = await client.GetAsync(AssessorRoutes.Reviews);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Does.StartWith(AccountRoutes.Login + "?ReturnUrl=%2Fassessor%2Freviews"));
    }

    [Test]
    public async Task Assessors_have_caseload_and_review_links_in_the_navigation_and_apprentices_do_not()
    {
        using var apprentice = await SignInAsApprenticeAsync();

        var assessorNav = (await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Caseload))).QuerySelector("nav[aria-label=Main]")!;
        var apprenticeNav = (await AppFactory.ParseAsync(await apprentice.GetAsync(HomeRoutes.Home))).QuerySelector("nav[aria-label=Main]")!;

        Assert.That(assessorNav.QuerySelector($"a[href='{AssessorRoutes.Caseload}']")?.GetAttribute("aria-current"), Is.EqualTo("page"));
        Assert.That(assessorNav.QuerySelector($"a[href='{AssessorRoutes.Reviews}']")?.TextContent.Trim(), Is.EqualTo("Reviews"));
        Assert.That(apprenticeNav.QuerySelectorAll($"a[href^='{AssessorRoutes.Caseload}']"), Is.Empty);
    }
}
