using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Employers;

/// <summary>
/// The apprentice names a witness from their employer's contacts; that contact, and only they, confirms the testimony or
/// declines it with a reason, once; the apprentice and the assessor read the answer on the item.
/// </summary>
public sealed class WitnessTestimonyTests : SeededAppFixture
{
    [Test]
    public async Task The_log_form_offers_the_apprentices_employers_contacts_and_saves_the_witness_chosen()
    {
        var zoe = await ContactAsync(DemoDataSeeder.EmployerEmail);
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        var form = await AppFactory.ParseAsync(await apprentice.GetAsync(EvidenceRoutes.New));
        var offered = form.QuerySelectorAll("#WitnessContactId option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        var title = $"Testimony {Guid.NewGuid():N}";

        using var response = await PostFormAsync(apprentice, EvidenceRoutes.New,
            [.. EvidenceTestKit.Fields(title, [duties["D1"]], action: "submit", type: nameof(EvidenceType.WitnessTestimony)), new("Form.WitnessContactId", zoe.Id.ToString())]);

        var saved = await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.SingleAsync(i => i.Id == EvidenceTestKit.SavedItemId(response)));
        Assert.That(offered, Does.Contain(zoe.Id.ToString()).And.Not.Contain((await ContactAsync(DemoDataSeeder.EmployerBEmail)).Id.ToString()));
        Assert.That((saved.WitnessContactId, saved.WitnessName, saved.Status), Is.EqualTo(((Guid?)zoe.Id, "Zoë Hartley, Workplace mentor", EvidenceStatus.Submitted)));
    }

    [Test]
    public async Task Naming_a_contact_of_another_employer_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var gareth = await ContactAsync(DemoDataSeeder.EmployerBEmail);
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        var before = await EvidenceTestKit.CountItemsAsync(Factory);

        using var response = await PostFormAsync(apprentice, EvidenceRoutes.New,
            [.. EvidenceTestKit.Fields("Testimony of a stranger", [duties["D1"]], action: "submit", type: nameof(EvidenceType.WitnessTestimony)), new("Form.WitnessContactId", gareth.Id.ToString())]);
        var page = await AppFactory.ParseAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#WitnessContactId-error")?.TextContent, Does.Contain("Choose a witness from your employer's contacts listed."));
        Assert.That(await EvidenceTestKit.CountItemsAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task The_employers_home_lists_a_testimony_waiting_for_them_until_they_answer_it()
    {
        var item = await SubmittedTestimonyAsync(DemoDataSeeder.EmployerEmail);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        using var gareth = await SignInAsync(DemoDataSeeder.EmployerBEmail);

        var waiting = (await AppFactory.ParseAsync(await zoe.GetAsync(EmployerRoutes.Home))).QuerySelector("#testimonies-waiting")!.TextContent;
        var elsewhere = (await AppFactory.ParseAsync(await gareth.GetAsync(EmployerRoutes.Home))).QuerySelector("#testimonies-waiting")!.TextContent;
        using var answered = await PostFormAsync(zoe, EmployerRoutes.Evidence(item.EnrolmentId, item.Id), Answer(TestimonyAnswerForm.Confirm));
        var after = (await AppFactory.ParseAsync(await zoe.GetAsync(EmployerRoutes.Home))).QuerySelector("#testimonies-waiting")!.TextContent;

        Assert.That(waiting, Does.Contain(item.Title));
        Assert.That(elsewhere, Does.Not.Contain(item.Title));
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after, Does.Not.Contain(item.Title));
    }

    [Test]
    public async Task The_witness_confirms_and_the_apprentice_and_the_assessor_read_it_on_the_item_and_it_is_audited()
    {
        var item = await SubmittedTestimonyAsync(DemoDataSeeder.EmployerEmail);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await PostFormAsync(zoe, EmployerRoutes.Evidence(item.EnrolmentId, item.Id), Answer(TestimonyAnswerForm.Confirm));

        Assert.That(response.RedirectTarget(), Does.StartWith(EmployerRoutes.Evidence(item.EnrolmentId, item.Id)));
        var saved = await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.SingleAsync(i => i.Id == item.Id));
        Assert.That(saved.WitnessResponse, Is.EqualTo(WitnessResponse.Confirmed));
        Assert.That(await AuditCountAsync(item.Id, "evidence.witness-confirmed"), Is.EqualTo(1));
        using var apprentice = await SignInAsApprenticeAsync();
        using var assessor = await SignInAsAssessorAsync();
        var asApprentice = (await AppFactory.ParseAsync(await apprentice.GetAsync(EvidenceRoutes.Detail(item.Id)))).QuerySelector("#witness-answer")?.TextContent;
        var asAssessor = (await AppFactory.ParseAsync(await assessor.GetAsync(AssessorRoutes.Review(item.Id)))).QuerySelector("#witness-answer")?.TextContent;
        Assert.That(asApprentice, Does.Contain("Zoë Hartley, Workplace mentor").And.Contain("Confirmed"));
        Assert.That(asAssessor, Does.Contain("Zoë Hartley, Workplace mentor").And.Contain("Confirmed"));
    }

    [Test]
    public async Task Declining_without_a_reason_is_refused_beside_the_field_and_with_one_the_reason_is_shown_to_the_apprentice()
    {
        var item = await SubmittedTestimonyAsync(DemoDataSeeder.EmployerEmail);
        var url = EmployerRoutes.Evidence(item.EnrolmentId, item.Id);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var refused = await PostFormAsync(zoe, url, [.. Answer(TestimonyAnswerForm.Decline), new("Form.Reason", "  ")]);
        var refusedPage = await AppFactory.ParseAsync(refused);
        var afterRefusal = await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.SingleAsync(i => i.Id == item.Id));
        using var declined = await PostFormAsync(zoe, url, [.. Answer(TestimonyAnswerForm.Decline), new("Form.Reason", "I was not on the ward that day.")]);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refusedPage.QuerySelector("#reason-error")?.TextContent, Does.Contain("Enter why you decline the testimony"));
        Assert.That((afterRefusal.WitnessResponse, afterRefusal.ConcurrencyStamp), Is.EqualTo(((WitnessResponse?)null, item.ConcurrencyStamp)));
        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var apprentice = await SignInAsApprenticeAsync();
        var answer = (await AppFactory.ParseAsync(await apprentice.GetAsync(EvidenceRoutes.Detail(item.Id)))).QuerySelector("#witness-answer")?.TextContent;
        Assert.That(answer, Does.Contain("Declined").And.Contain("I was not on the ward that day."));
    }

    [Test]
    public async Task A_double_click_records_the_answer_once()
    {
        var item = await SubmittedTestimonyAsync(DemoDataSeeder.EmployerEmail);
        var url = EmployerRoutes.Evidence(item.EnrolmentId, item.Id);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        var form = (IHtmlFormElement)(await AppFactory.ParseAsync(await zoe.GetAsync(url))).QuerySelector("#testimony-form")!;

        using var first = await Forms.PostAsync(zoe, url, form, Answer(TestimonyAnswerForm.Confirm));
        using var second = await Forms.PostAsync(zoe, url, form, Answer(TestimonyAnswerForm.Confirm));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(second)).QuerySelector("#testimony-conflict"), Is.Not.Null);
        Assert.That(await AuditCountAsync(item.Id, "evidence.witness-confirmed"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_testimony_naming_a_colleague_offers_no_form_and_an_answer_posted_to_it_answers_404()
    {
        var item = await SubmittedTestimonyAsync(DemoDataSeeder.EmployerEmail, namingAColleague: true);
        var url = EmployerRoutes.Evidence(item.EnrolmentId, item.Id);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);

        var page = await AppFactory.ParseAsync(await zoe.GetAsync(url));
        using var response = await PostAnswerWithoutAFormAsync(zoe, url, item.ConcurrencyStamp);

        Assert.That(page.QuerySelector("#testimony-form"), Is.Null);
        Assert.That(page.QuerySelector("#witness-answer")?.TextContent, Does.Contain("Amara Hartley"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await AuditCountAsync(item.Id, "evidence.witness-confirmed"), Is.Zero);
    }

    [Test]
    public async Task Another_employers_contact_answering_a_testimony_gets_404_and_nothing_is_saved()
    {
        var item = await SubmittedTestimonyAsync(DemoDataSeeder.EmployerEmail);
        using var gareth = await SignInAsync(DemoDataSeeder.EmployerBEmail);

        using var response = await PostAnswerWithoutAFormAsync(gareth, EmployerRoutes.Evidence(item.EnrolmentId, item.Id), item.ConcurrencyStamp);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var saved = await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.SingleAsync(i => i.Id == item.Id));
        Assert.That((saved.WitnessResponse, saved.ConcurrencyStamp), Is.EqualTo(((WitnessResponse?)null, item.ConcurrencyStamp)));
    }

    private static List<KeyValuePair<string, string>> Answer(string answer) => [new("Form.Answer", answer)];

    /// <summary>Posts the answer form as a browser would, with a token from another page: for an item that offers no form.</summary>
    private static async Task<HttpResponseMessage> PostAnswerWithoutAFormAsync(HttpClient client, string url, Guid stamp)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.AntiforgeryTokenAsync(client, "/Account/ChangePassword"),
            ["_handler"] = "testimony",
            ["Form.Answer"] = TestimonyAnswerForm.Confirm,
            ["Form.ConcurrencyStamp"] = stamp.ToString(),
        };
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }

    private Task<EmployerContact> ContactAsync(string email) =>
        EvidenceTestKit.QueryAsync(Factory, db => db.EmployerContacts.AsNoTracking().SingleAsync(c => c.Email == email));

    private Task<int> AuditCountAsync(Guid entityId, string action) =>
        EvidenceTestKit.QueryAsync(Factory, db => db.AuditEvents.CountAsync(e => e.EntityId == entityId && e.Action == action));

    /// <summary>
    /// A witness testimony of the demo apprentice, submitted, naming the contact of <paramref name="contactEmail"/> (or a
    /// new colleague of theirs at the same employer), made through the domain as the log form makes it.
    /// </summary>
    private async Task<EvidenceItem> SubmittedTestimonyAsync(string contactEmail, bool namingAColleague = false)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var contact = await db.EmployerContacts.AsNoTracking().SingleAsync(c => c.Email == contactEmail);
        var enrolment = await (
                from e in db.Enrolments.AsNoTracking()
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where a.Email == DemoDataSeeder.ApprenticeEmail
                select e)
            .SingleAsync();
        Assert.That(enrolment.EmployerId, Is.EqualTo(contact.EmployerId), "The demo apprentice works for the demo employer, or these tests prove nothing.");
        if (namingAColleague)
        {
            var employer = await db.Employers.AsNoTracking().SingleAsync(e => e.Id == contact.EmployerId);
            contact = EmployerContact.Invite(employer, Guid.NewGuid().ToString(), "Amara", "Hartley", $"amara-{Guid.NewGuid():N}@example.org", "Line manager", Actor.System, DateTimeOffset.UtcNow);
            db.EmployerContacts.Add(contact);
        }

        var standard = await db.Standards.AsNoTracking().Include(s => s.Duties).Include(s => s.Ksbs).AsSplitQuery().SingleAsync(s => s.Id == enrolment.StandardId);
        var actor = new Actor("test-apprentice", "The demo apprentice");
        var now = DateTimeOffset.UtcNow;
        var content = new EvidenceContent($"Testimony {Guid.NewGuid():N}", EvidenceType.WitnessTestimony, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), "What my mentor saw.", contact);
        var item = EvidenceItem.Draft(enrolment, standard, content, [standard.Duties.OrderBy(d => d.Number).First().Id], [], DateOnly.FromDateTime(now.UtcDateTime), actor, now, submitting: true);
        item.Submit(enrolment, actor, now);
        db.EvidenceItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}
