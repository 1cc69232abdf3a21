using System.Net;
using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.ProgressReviews;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.ProgressReviews.ReviewRecords;

namespace ApprenticeTracker.Web.Tests.Features.ProgressReviews;

/// <summary>
/// Progress reviews through the real pages: the assessor drafts, the apprentice, the employer contact and the provider
/// sign with their passwords or decline with a reason, and every permission, over HTTP.
/// </summary>
public sealed class ProgressReviewFlowTests : SeededAppFixture
{
    private readonly HashSet<Guid> _used = [];
    private HttpClient _assessor = null!;
    private HttpClient _employer = null!;

    [OneTimeSetUp]
    public async Task SignIn()
    {
        _assessor = await SignInAsAssessorAsync();
        _employer = await SignInAsync(DemoDataSeeder.EmployerEmail);
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _assessor.Dispose();
        _employer.Dispose();
    }

    [Test]
    public async Task The_assessor_records_a_review_with_its_actions_and_off_the_job_figures_from_the_log()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var approvedMinutes = await Factory.QueryAsync(db => db.OffTheJobEntries
            .Where(x => x.EnrolmentId == apprentice.EnrolmentId && x.Status == Domain.OffTheJob.OffTheJobEntryStatus.Approved && x.ActivityDate <= Today.AddDays(-2))
            .SumAsync(x => x.Minutes));

        using var response = await Forms.PostFormAsync(_assessor, ProgressReviewRoutes.New(apprentice.EnrolmentId), DraftFields());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var review = await ReviewAsync(apprentice.EnrolmentId);
        Assert.That(response.RedirectTarget(), Is.EqualTo($"{ProgressReviewRoutes.Review(review.Id)}?recorded=saved"));
        Assert.That(review.Actions.Select(a => (a.Description, a.Owner)), Is.EqualTo(new[]
        {
            ("Log two observations of audit work", ReviewParty.Apprentice), ("Free two study days a month", ReviewParty.Employer),
        }));
        Assert.That(review.EmployerConcerns, Is.EqualTo("Rota clashes with study days."));
        Assert.That(review.OffTheJobActualMinutes, Is.EqualTo(approvedMinutes));
        Assert.That(review.DraftedByName, Is.EqualTo("Grace Adeyemi"));
        Assert.That((await Factory.AuditOfAsync(review.Id)).Select(a => a.Action), Is.EqualTo(new[] { "review.drafted" }));
    }

    [Test]
    public async Task The_draft_form_is_filled_from_sign_offs_and_evidence()
    {
        var apprentice = await FreshAsync(Factory, _used);

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(ProgressReviewRoutes.New(apprentice.EnrolmentId)));

        var duties = page.QuerySelector("textarea[name='Form.DutyProgress']")!.TextContent;
        Assert.That(duties, Does.StartWith("D1: ").And.Contain("D10: "));
        Assert.That(page.QuerySelector("#otj-planned-actual")!.TextContent, Does.Contain("Approved:"));
    }

    [Test]
    public async Task A_draft_missing_what_the_rules_ask_is_refused_beside_each_field_and_saves_nothing()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var fields = DraftFields();
        fields["Form.TrainingSince"] = "";
        fields.Remove("Form.WellbeingChecked");
        fields["Form.NextReviewOn"] = Iso(Today.AddYears(1));

        using var response = await Forms.PostFormAsync(_assessor, ProgressReviewRoutes.New(apprentice.EnrolmentId), fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#TrainingSince-error")?.TextContent, Does.Contain("Enter the training delivered since the last review."));
        Assert.That(page.QuerySelector("#WellbeingChecked-error")?.TextContent, Does.Contain("wellbeing and safeguarding check"));
        Assert.That(page.QuerySelector("#NextReviewOn-error")?.TextContent, Does.Contain("The funding rules need the next review by"));
        Assert.That(page.QuerySelector("input[name='Form.Actions[0].Description']")?.GetAttribute("value"), Is.EqualTo("Log two observations of audit work"), "what was entered is kept");
        Assert.That(await Factory.QueryAsync(db => db.ProgressReviews.CountAsync(r => r.EnrolmentId == apprentice.EnrolmentId)), Is.Zero);
    }

    [Test]
    public async Task The_same_draft_form_sent_twice_records_one_review()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(ProgressReviewRoutes.New(apprentice.EnrolmentId)));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;

        using var first = await Forms.PostAsync(_assessor, ProgressReviewRoutes.New(apprentice.EnrolmentId), form, DraftFields());
        using var second = await Forms.PostAsync(_assessor, ProgressReviewRoutes.New(apprentice.EnrolmentId), form, DraftFields());

        Assert.That(await Factory.QueryAsync(db => db.ProgressReviews.CountAsync(r => r.EnrolmentId == apprentice.EnrolmentId)), Is.EqualTo(1));
        Assert.That(second.RedirectTarget(), Is.EqualTo(first.RedirectTarget()));
    }

    [Test]
    public async Task The_three_parties_sign_with_their_passwords_and_the_review_is_then_complete()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        using var asApprentice = await SignInAsync(apprentice.ApprenticeEmail);

        using var byAssessor = await SignAsync(_assessor, reviewId);
        using var byApprentice = await SignAsync(asApprentice, reviewId);
        var beforeEmployer = (await ReviewAsync(apprentice.EnrolmentId)).IsComplete;
        using var byEmployer = await SignAsync(_employer, reviewId);

        Assert.That(byEmployer.RedirectTarget(), Is.EqualTo($"{ProgressReviewRoutes.Review(reviewId)}?recorded=signed"));
        Assert.That(beforeEmployer, Is.False);
        var review = await ReviewAsync(apprentice.EnrolmentId);
        Assert.That(review.IsComplete, Is.True);
        Assert.That(review.ResponseOf(ReviewParty.Provider)!.Name, Is.EqualTo("Grace Adeyemi"));
        Assert.That(review.ResponseOf(ReviewParty.Provider)!.Capacity, Is.EqualTo("Assessor"));
        Assert.That(review.ResponseOf(ReviewParty.Apprentice)!.Name, Is.EqualTo(apprentice.ApprenticeName));
        Assert.That(review.ResponseOf(ReviewParty.Employer)!.Name, Is.EqualTo("Zoë Hartley"));
        Assert.That(review.ResponseOf(ReviewParty.Employer)!.Capacity, Is.EqualTo("Workplace mentor"));
        Assert.That(review.Signatures.Select(s => s.Declaration).Distinct().Single(), Does.Contain(apprentice.ApprenticeName));
        Assert.That((await Factory.AuditOfAsync(reviewId)).Select(a => a.Action), Is.EqualTo(new[]
        {
            "review.drafted", "review.signed", "review.signed", "review.signed", "review.completed",
        }));
        var page = await AppFactory.ParseAsync(await _employer.GetAsync(byEmployer.RedirectTarget()));
        Assert.That(page.QuerySelector("[role=status]")!.TextContent, Does.Contain("the review is complete"));
        Assert.That(page.QuerySelector("#sign-review"), Is.Null, "nothing left to sign");
    }

    [Test]
    public async Task A_review_signed_twice_by_a_double_click_has_one_signature()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        var page = await AppFactory.ParseAsync(await _employer.GetAsync(ProgressReviewRoutes.Review(reviewId)));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#sign-review form")!;
        KeyValuePair<string, string>[] password = [new("Sign.Password", DemoDataSeeder.DemoPassword)];

        // Both clicks of the same form, at once, then a third after them: the same one-time token each time.
        var clicks = await Task.WhenAll(
            Forms.PostAsync(_employer, ProgressReviewRoutes.Review(reviewId), form, password),
            Forms.PostAsync(_employer, ProgressReviewRoutes.Review(reviewId), form, password));
        using var third = await Forms.PostAsync(_employer, ProgressReviewRoutes.Review(reviewId), form, password);

        Assert.That(clicks.Concat([third]).Select(r => r.RedirectTarget()), Is.All.EqualTo($"{ProgressReviewRoutes.Review(reviewId)}?recorded=signed"));
        Assert.That(await Factory.QueryAsync(db => db.ProgressReviewSignatures.CountAsync(s => s.ProgressReviewId == reviewId)), Is.EqualTo(1));
        Assert.That((await Factory.AuditOfAsync(reviewId)).Count(a => a.Action == "review.signed"), Is.EqualTo(1));
        foreach (var click in clicks)
        {
            click.Dispose();
        }
    }

    [Test]
    public async Task A_wrong_password_is_refused_beside_the_field_and_signs_nothing()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);

        using var response = await SignAsync(_employer, reviewId, "not my password");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Password-error")?.TextContent, Does.Contain("The password is not right."));
        Assert.That(page.QuerySelector("input#password")?.GetAttribute("value"), Is.Null.Or.Empty, "the password is never shown back");
        Assert.That(await Factory.QueryAsync(db => db.ProgressReviewSignatures.CountAsync(s => s.ProgressReviewId == reviewId)), Is.Zero);
        using var right = await SignAsync(_employer, reviewId);
        Assert.That(right.RedirectTarget(), Does.EndWith("recorded=signed"), "and the right one then signs (the failure count is reset)");
    }

    [Test]
    public async Task A_party_declines_with_a_reason_which_is_recorded_and_the_review_stays_incomplete()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        using var noReason = await Forms.PostFormAsync(_employer, ProgressReviewRoutes.Review(reviewId),
            [new("Decline.Password", DemoDataSeeder.DemoPassword)], formSelector: "#decline-review form");

        using var declined = await Forms.PostFormAsync(_employer, ProgressReviewRoutes.Review(reviewId),
            [new("Decline.Reason", "The study days are not as agreed."), new("Decline.Password", DemoDataSeeder.DemoPassword)], formSelector: "#decline-review form");

        Assert.That((await AppFactory.ParseAsync(noReason)).QuerySelector("#Reason-error")?.TextContent, Does.Contain("Enter the reason you decline to sign."));
        Assert.That(declined.RedirectTarget(), Does.EndWith("recorded=declined"));
        var review = await ReviewAsync(apprentice.EnrolmentId);
        Assert.That(review.IsComplete, Is.False);
        Assert.That(review.ResponseOf(ReviewParty.Employer)!.DeclineReason, Is.EqualTo("The study days are not as agreed."));
        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(ProgressReviewRoutes.Review(reviewId)));
        Assert.That(page.QuerySelector("#review-signatures tr[data-party=Employer]")!.TextContent, Does.Contain("Declined").And.Contain("The study days are not as agreed."));
        Assert.That((await Factory.AuditOfAsync(reviewId)).Select(a => a.Action), Does.Contain("review.declined"));
    }

    [Test]
    public async Task A_signed_review_cannot_change_and_the_assessor_adds_a_correction_as_an_addendum()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        using var edit = await _assessor.GetAsync(ProgressReviewRoutes.Edit(reviewId));
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a draft nobody signed can change");
        using var signed = await SignAsync(_employer, reviewId);

        using var editAfter = await _assessor.GetAsync(ProgressReviewRoutes.Edit(reviewId));
        using var addendum = await Forms.PostFormAsync(_assessor, ProgressReviewRoutes.Review(reviewId),
            [new("Addendum.Text", "The second action is due a week later.")], formSelector: "section[aria-labelledby=addendum-title] form");
        var employerPage = await AppFactory.ParseAsync(await _employer.GetAsync(ProgressReviewRoutes.Review(reviewId)));

        Assert.That(editAfter.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(addendum.RedirectTarget(), Does.EndWith("recorded=addendum"));
        Assert.That(employerPage.QuerySelector("#review-addenda")!.TextContent, Does.Contain("The second action is due a week later.").And.Contain("Grace Adeyemi"));
        Assert.That(employerPage.QuerySelector("section[aria-labelledby=addendum-title]"), Is.Null, "only the provider adds corrections");
        Assert.That((await ReviewAsync(apprentice.EnrolmentId)).Actions, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Another_employers_contact_gets_404_for_the_review_its_list_its_pdf_and_its_signature()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        var token = await Forms.AntiforgeryTokenAsync(_employer, ProgressReviewRoutes.Review(reviewId), "#sign-review form");
        using var other = await SignInAsync(DemoDataSeeder.EmployerBEmail);

        using var page = await other.GetAsync(ProgressReviewRoutes.Review(reviewId));
        using var list = await other.GetAsync(ProgressReviewRoutes.Enrolment(apprentice.EnrolmentId));
        using var pdf = await other.GetAsync(ProgressReviewRoutes.Pdf(reviewId));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(token, Is.Not.Empty);
        Assert.That(await Factory.QueryAsync(db => db.ProgressReviewSignatures.CountAsync(s => s.ProgressReviewId == reviewId)), Is.Zero);
    }

    [Test]
    public async Task An_employer_of_the_same_provider_but_another_employer_gets_404_and_cannot_sign()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        using var otherContact = await EmployerContacts.InviteToAnotherEmployerOfProviderAAsync(Factory);

        using var page = await otherContact.GetAsync(ProgressReviewRoutes.Review(reviewId));
        var signPost = await PostSignWithoutPageAsync(otherContact, reviewId);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(signPost, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Factory.QueryAsync(db => db.ProgressReviewSignatures.CountAsync(s => s.ProgressReviewId == reviewId)), Is.Zero);
    }

    [Test]
    public async Task Another_apprentice_and_another_providers_administrator_get_404()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);

        foreach (var email in new[] { DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.ProviderBAdminEmail })
        {
            using var client = await SignInAsync(email);
            using var page = await client.GetAsync(ProgressReviewRoutes.Review(reviewId));
            using var pdf = await client.GetAsync(ProgressReviewRoutes.Pdf(reviewId));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), email);
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), email);
            Assert.That(await PostSignWithoutPageAsync(client, reviewId), Is.EqualTo(HttpStatusCode.NotFound), email);
        }
    }

    [Test]
    public async Task The_apprentice_and_the_employer_may_not_draft_a_review()
    {
        var apprentice = await FreshAsync(Factory, _used);
        using var asApprentice = await SignInAsync(apprentice.ApprenticeEmail);

        using var byApprentice = await asApprentice.GetAsync(ProgressReviewRoutes.New(apprentice.EnrolmentId));
        using var byEmployer = await _employer.GetAsync(ProgressReviewRoutes.New(apprentice.EnrolmentId));
        var list = await AppFactory.ParseAsync(await _employer.GetAsync(ProgressReviewRoutes.Enrolment(apprentice.EnrolmentId)));

        Assert.That(byApprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byEmployer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(list.QuerySelector("#review-due .review-due")!.TextContent, Does.Contain("due by").IgnoreCase, "the employer sees when it is due");
        Assert.That(list.QuerySelector($"a[href='{ProgressReviewRoutes.New(apprentice.EnrolmentId)}']"), Is.Null);
    }

    [Test]
    public async Task An_assessor_not_assigned_to_the_apprentice_gets_404_for_the_draft_form()
    {
        var colleagues = await Factory.ColleaguesEnrolmentAsync();

        using var response = await _assessor.GetAsync(ProgressReviewRoutes.New(colleagues));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_provider_administrator_signs_for_the_provider()
    {
        var apprentice = await FreshAsync(Factory, _used);
        var reviewId = await DraftAsync(_assessor, apprentice.EnrolmentId);
        using var admin = await SignInAsProviderAdminAsync();

        using var signed = await SignAsync(admin, reviewId);

        Assert.That(signed.RedirectTarget(), Does.EndWith("recorded=signed"));
        var signature = (await ReviewAsync(apprentice.EnrolmentId)).ResponseOf(ReviewParty.Provider)!;
        Assert.That(signature.Capacity, Is.EqualTo("Provider administrator"));
    }

    /// <summary>A sign form posted straight to the review's address, with a token from a page the client may open.</summary>
    private static async Task<HttpStatusCode> PostSignWithoutPageAsync(HttpClient client, Guid reviewId)
    {
        var token = await Forms.AntiforgeryTokenAsync(client, AccountRoutes.Account, "form");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "review-sign",
            ["Sign.Password"] = DemoDataSeeder.DemoPassword,
            ["Sign.FormToken"] = Guid.NewGuid().ToString(),
            ["Sign.ConcurrencyStamp"] = Guid.NewGuid().ToString(),
        });
        using var response = await client.PostAsync(ProgressReviewRoutes.Review(reviewId), content);
        return response.StatusCode;
    }

    private Task<ProgressReview> ReviewAsync(Guid enrolmentId) =>
        Factory.QueryAsync(db => db.ProgressReviews.AsNoTracking()
            .Include(r => r.Actions).Include(r => r.Signatures).Include(r => r.Addenda)
            .AsSplitQuery()
            .SingleAsync(r => r.EnrolmentId == enrolmentId));
}
