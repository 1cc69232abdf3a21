using System.Net;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Employers;

/// <summary>
/// An employer contact sees, read-only, exactly the apprentices their employer enrolled with the provider that invited
/// them: everyone else's (another employer's of the same provider, another provider's) answers 404, and so do drafts.
/// </summary>
public sealed class EmployerAccessTests : SeededAppFixture
{
    [Test]
    public async Task The_demo_employer_lands_on_a_home_page_listing_exactly_their_employers_apprentices()
    {
        var expected = await QueryAsync(db => (
                from contact in db.EmployerContacts
                where contact.Email == DemoDataSeeder.EmployerEmail
                join e in db.Enrolments on contact.EmployerId equals e.EmployerId
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                select new { a.GivenName, a.FamilyName, a.NameOrder })
            .ToListAsync());
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        var page = await AppFactory.ParseAsync(await client.GetAsync(EmployerRoutes.Home));

        var names = page.QuerySelectorAll("#employer-apprentices tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(names, Is.EquivalentTo(expected.Select(x => PersonName.Full(x.GivenName, x.FamilyName, x.NameOrder))));
        Assert.That(page.QuerySelector("#employer-apprentices")!.TextContent, Does.Contain("approved").And.Contain(" of "));
    }

    [Test]
    public async Task Signing_in_as_an_employer_goes_to_the_employers_home()
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, DemoDataSeeder.EmployerEmail, DemoDataSeeder.DemoPassword);

        Assert.That(response.RedirectTarget(), Is.EqualTo(EmployerRoutes.Home));
    }

    [Test]
    public async Task An_employer_reads_an_apprentices_duties_evidence_and_gateway_with_no_form_but_the_gateway_agreement()
    {
        var enrolmentId = await EnrolmentWithSubmittedEvidenceAsync(DemoDataSeeder.EmployerEmail);
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await client.GetAsync(EmployerRoutes.Apprentice(enrolmentId));
        var page = await AppFactory.ParseAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelectorAll("#duties tbody tr"), Has.Length.EqualTo(10));
        Assert.That(page.QuerySelectorAll("#gateway-checks li"), Is.Not.Empty);
        Assert.That(page.QuerySelectorAll("main form").Select(f => f.Id), Is.Empty.Or.EqualTo(new[] { "gateway-agreement-form" }));
        var firstEvidence = page.QuerySelector("#evidence tbody a")!.GetAttribute("href")!;
        using var item = await client.GetAsync(firstEvidence);
        Assert.That(item.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(item)).QuerySelectorAll("main form"), Is.Empty);
    }

    [Test]
    public async Task Another_providers_apprentice_answers_404_to_an_employer()
    {
        var otherEnrolment = await EnrolmentWithSubmittedEvidenceAsync(DemoDataSeeder.EmployerBEmail);
        var otherItem = await QueryAsync(db => db.EvidenceItems.Where(i => i.EnrolmentId == otherEnrolment && i.Status != EvidenceStatus.Draft).Select(i => i.Id).FirstAsync());
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var apprentice = await client.GetAsync(EmployerRoutes.Apprentice(otherEnrolment));
        using var evidence = await client.GetAsync(EmployerRoutes.Evidence(otherEnrolment, otherItem));

        Assert.That(apprentice.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(evidence.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Another_employers_apprentice_of_the_same_provider_answers_404_and_is_not_listed()
    {
        var enrolmentId = await EnrolWithAnotherEmployerOfProviderAAsync();
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var apprentice = await client.GetAsync(EmployerRoutes.Apprentice(enrolmentId));
        var home = await AppFactory.ParseAsync(await client.GetAsync(EmployerRoutes.Home));

        Assert.That(apprentice.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(home.QuerySelector("#employer-apprentices")!.TextContent, Does.Not.Contain("Elsewhere"));
    }

    [Test]
    public async Task An_apprentices_draft_answers_404_to_their_employer()
    {
        var draft = await QueryAsync(db => (
                from contact in db.EmployerContacts
                where contact.Email == DemoDataSeeder.EmployerEmail
                join e in db.Enrolments on contact.EmployerId equals e.EmployerId
                join i in db.EvidenceItems on e.Id equals i.EnrolmentId
                where i.Status == EvidenceStatus.Draft
                select new { i.EnrolmentId, i.Id })
            .FirstAsync());
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await client.GetAsync(EmployerRoutes.Evidence(draft.EnrolmentId, draft.Id));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/assessor")]
    [TestCase("/provider")]
    [TestCase("/portfolio")]
    [TestCase("/reports")]
    public async Task The_other_roles_pages_answer_403_to_an_employer(string url)
    {
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_employers_pages_answer_403_to_the_other_roles()
    {
        var enrolmentId = await EnrolmentWithSubmittedEvidenceAsync(DemoDataSeeder.EmployerEmail);
        foreach (var email in new[] { DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.AssessorEmail, DemoDataSeeder.ProviderEmail })
        {
            using var client = await SignInAsync(email);
            using var home = await client.GetAsync(EmployerRoutes.Home);
            using var apprentice = await client.GetAsync(EmployerRoutes.Apprentice(enrolmentId));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), email);
            Assert.That(apprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), email);
        }
    }

    [Test]
    public async Task An_employer_downloads_a_file_of_their_apprentices_evidence_but_not_of_another_providers()
    {
        var own = await AttachmentOfAsync(DemoDataSeeder.EmployerEmail);
        using var client = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await client.GetAsync($"/evidence/{own.ItemId}/attachments/{own.AttachmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var asProviderB = await SignInAsync(DemoDataSeeder.EmployerBEmail);
        using var refused = await asProviderB.GetAsync($"/evidence/{own.ItemId}/attachments/{own.AttachmentId}");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<Guid> EnrolmentWithSubmittedEvidenceAsync(string contactEmail) =>
        await QueryAsync(db => (
                from contact in db.EmployerContacts
                where contact.Email == contactEmail
                join e in db.Enrolments on contact.EmployerId equals e.EmployerId
                where db.EvidenceItems.Any(i => i.EnrolmentId == e.Id && i.Status != EvidenceStatus.Draft)
                orderby e.Id
                select e.Id)
            .FirstAsync());

    private async Task<(Guid ItemId, Guid AttachmentId)> AttachmentOfAsync(string contactEmail)
    {
        var row = await QueryAsync(db => (
                from contact in db.EmployerContacts
                where contact.Email == contactEmail
                join e in db.Enrolments on contact.EmployerId equals e.EmployerId
                join i in db.EvidenceItems on e.Id equals i.EnrolmentId
                where i.Status != EvidenceStatus.Draft
                join a in db.Attachments on i.Id equals a.EvidenceItemId
                select new { i.Id, AttachmentId = a.Id })
            .FirstAsync());
        return (row.Id, row.AttachmentId);
    }

    /// <summary>A second employer of the first provider, with one apprentice, made through the domain as the provider's pages would.</summary>
    private async Task<Guid> EnrolWithAnotherEmployerOfProviderAAsync()
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var employerA = await db.EmployerContacts.Where(c => c.Email == DemoDataSeeder.EmployerEmail).Select(c => c.EmployerId).SingleAsync();
        var providerId = await db.Employers.Where(e => e.Id == employerA).Select(e => e.TrainingProviderId).SingleAsync();
        var provider = await db.TrainingProviders.SingleAsync(p => p.Id == providerId);
        var standard = await db.Standards.Include(s => s.Duties).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var employer = Employer.Create(provider, $"Elsewhere Health {Guid.NewGuid():N}", Actor.System, now);
        var apprentice = Apprentice.Register(provider, Guid.NewGuid().ToString(), "Elsewhere", "Apprentice", NameOrder.GivenFirst, $"elsewhere-{Guid.NewGuid():N}@example.org", Actor.System, now);
        var start = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-2);
        var enrolment = Enrolment.Enrol(apprentice, standard, employer, null, start, start.AddYears(3), Actor.System, now);
        db.Employers.Add(employer);
        db.Apprentices.Add(apprentice);
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        return enrolment.Id;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }
}
