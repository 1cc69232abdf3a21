using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.Reports;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Employers;

/// <summary>
/// Gateway needs the employer's agreement beside the provider's confirmations: the employer's contact agrees to a
/// declaration on the apprentice's page, once; the provider's "pass gateway" is refused until they have.
/// </summary>
public sealed class GatewayAgreementTests : SeededAppFixture
{
    [Test]
    public async Task Pass_gateway_is_refused_until_the_employer_agrees_and_then_passes()
    {
        var id = await EnrolmentOfAsync("Mohammed");
        using var provider = await SignInAsProviderAdminAsync();
        var page = await AppFactory.ParseAsync(await provider.GetAsync(ProviderRoutes.Enrolment(id)));
        foreach (var key in page.QuerySelectorAll("#Key option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList())
        {
            using var confirmed = await Forms.PostFormAsync(provider, ProviderRoutes.Enrolment(id), [new("GatewayInput.Key", key!)], formSelector: "#gateway-form");
        }

        using var refused = await Forms.PostFormAsync(provider, ProviderRoutes.Enrolment(id), [new("StatusInput.Action", "gateway")], formSelector: "#status-form");
        var refusedText = (await AppFactory.ParseAsync(refused)).QuerySelector("main")!.TextContent;
        var statusAfterRefusal = (await LoadAsync(id)).Status;
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        using var agreed = await PostFormAsync(zoe, EmployerRoutes.Apprentice(id), [new("Form.Agree", "true")]);
        using var passed = await Forms.PostFormAsync(provider, ProviderRoutes.Enrolment(id), [new("StatusInput.Action", "gateway")], formSelector: "#status-form");

        Assert.That(refusedText, Does.Contain("not ready for gateway").And.Contain(GatewayReadiness.EmployerAgreementLabel));
        Assert.That(statusAfterRefusal, Is.EqualTo(EnrolmentStatus.Active));
        Assert.That(agreed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(passed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await LoadAsync(id)).Status, Is.EqualTo(EnrolmentStatus.Gateway));
    }

    [Test]
    public async Task The_agreement_records_the_declaration_shown_who_agreed_and_shows_on_the_providers_checklist()
    {
        var id = await EnrolmentOfAsync("Thị Hà");
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        var declaration = (await AppFactory.ParseAsync(await zoe.GetAsync(EmployerRoutes.Apprentice(id)))).QuerySelector("#gateway-declaration")!.TextContent;

        using var response = await PostFormAsync(zoe, EmployerRoutes.Apprentice(id), [new("Form.Agree", "true")]);

        Assert.That(response.RedirectTarget(), Does.StartWith(EmployerRoutes.Apprentice(id)));
        var enrolment = await LoadAsync(id);
        Assert.That((enrolment.EmployerAgreedByName, enrolment.EmployerAgreementDeclaration), Is.EqualTo(("Zoë Hartley, Workplace mentor", declaration)));
        Assert.That(declaration, Does.Contain("Nguyễn Thị Hà"));
        using var provider = await SignInAsProviderAdminAsync();
        var checklist = (await AppFactory.ParseAsync(await provider.GetAsync(ProviderRoutes.Enrolment(id)))).QuerySelector(".gateway-checklist")!.TextContent;
        Assert.That(checklist, Does.Contain(GatewayReadiness.EmployerAgreementLabel).And.Contain("Agreed by Zoë Hartley, Workplace mentor"));
    }

    [Test]
    public async Task Agreeing_without_ticking_the_box_is_refused_beside_it_and_nothing_is_saved()
    {
        var id = await AnotherActiveEnrolmentOfTheDemoEmployerAsync(0);
        var before = await LoadAsync(id);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await PostFormAsync(zoe, EmployerRoutes.Apprentice(id), []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(response)).QuerySelector("#agree-error")?.TextContent, Does.Contain("Tick the box to agree"));
        var after = await LoadAsync(id);
        Assert.That((after.EmployerAgreedAt, after.ConcurrencyStamp), Is.EqualTo(((DateTimeOffset?)null, before.ConcurrencyStamp)));
    }

    [Test]
    public async Task A_double_click_records_the_agreement_once()
    {
        var id = await AnotherActiveEnrolmentOfTheDemoEmployerAsync(1);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        var url = EmployerRoutes.Apprentice(id);
        var form = (IHtmlFormElement)(await AppFactory.ParseAsync(await zoe.GetAsync(url))).QuerySelector("#gateway-agreement-form")!;

        using var first = await Forms.PostAsync(zoe, url, form, [new("Form.Agree", "true")]);
        using var second = await Forms.PostAsync(zoe, url, form, [new("Form.Agree", "true")]);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await AppFactory.ParseAsync(second)).QuerySelector("#agreement-conflict"), Is.Not.Null);
        Assert.That(await QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == id && e.Action == "gateway.employer-agreed")), Is.EqualTo(1));
    }

    [Test]
    public async Task Another_employers_contact_agreeing_gets_404_and_nothing_is_saved()
    {
        var id = await AnotherActiveEnrolmentOfTheDemoEmployerAsync(2);
        using var gareth = await SignInAsync(DemoDataSeeder.EmployerBEmail);
        var before = await LoadAsync(id);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.AntiforgeryTokenAsync(gareth, "/Account/ChangePassword"),
            ["_handler"] = "gateway-agreement",
            ["Form.Agree"] = "true",
            ["Form.ConcurrencyStamp"] = before.ConcurrencyStamp.ToString(),
        };
        using var content = new FormUrlEncodedContent(fields);

        using var response = await gareth.PostAsync(EmployerRoutes.Apprentice(id), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await LoadAsync(id)).EmployerAgreedAt, Is.Null);
    }

    [Test]
    public async Task The_epa_report_shows_the_employers_agreement_and_its_declaration()
    {
        var id = await EnrolmentOfAsync("Siobhán");
        using var provider = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await provider.GetAsync(ReportsRoutes.Preview(id)));

        Assert.That(page.QuerySelector("#report-employer-agreement")?.TextContent, Does.Contain("Zoë Hartley, Workplace mentor").And.Contain("ready for end-point assessment"));
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Contain(GatewayReadiness.EmployerAgreementLabel));
    }

    private Task<Guid> EnrolmentOfAsync(string givenName) =>
        QueryAsync(db => (
                from e in db.Enrolments
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where a.GivenName == givenName
                select e.Id)
            .SingleAsync());

    /// <summary>The <paramref name="index"/>th active apprentice of the demo employer other than the demo apprentice and the two ready for gateway.</summary>
    private Task<Guid> AnotherActiveEnrolmentOfTheDemoEmployerAsync(int index) =>
        QueryAsync(async db => (await (
                    from c in db.EmployerContacts
                    where c.Email == DemoDataSeeder.EmployerEmail
                    join e in db.Enrolments on c.EmployerId equals e.EmployerId
                    where e.Status == EnrolmentStatus.Active && e.EmployerAgreedAt == null
                    join a in db.Apprentices on e.ApprenticeId equals a.Id
                    where a.Email != DemoDataSeeder.ApprenticeEmail && a.GivenName != "Mohammed" && a.GivenName != "Thị Hà"
                    orderby e.Id
                    select e.Id)
                .ToListAsync())[index]);

    private Task<Enrolment> LoadAsync(Guid id) => QueryAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id));

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
