using System.Net;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>
/// A provider administrator invites an employer's contact from the employer's page: the account (role Employer, first
/// password to be changed, as an apprentice's) and the contact record together, or nothing.
/// </summary>
public sealed class InviteEmployerContactTests : SeededAppFixture
{
    private const string FirstPassword = "first-password-for-you";
    private const string ChosenPassword = "a password of my own choosing";

    [Test]
    public async Task Inviting_creates_the_account_and_the_contact_who_must_change_the_first_password_then_sees_the_employers_apprentices()
    {
        var employerId = await EmployerOfAsync(DemoDataSeeder.EmployerEmail);
        using var admin = await SignInAsProviderAdminAsync();

        using var response = await PostFormAsync(admin, ProviderRoutes.Employer(employerId), Fields("eilidh.macrae@example.org"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(response));
        var page = await AppFactory.ParseAsync(await admin.GetAsync(response.RedirectTarget()));
        Assert.That(page.QuerySelector("#contacts")!.TextContent, Does.Contain("Eilidh MacRae").And.Contain("Clinical lead"));
        var account = await ProviderData.QueryAsync(Factory, db => db.Users.SingleAsync(u => u.Email == "eilidh.macrae@example.org"));
        Assert.That(account.MustChangePassword, Is.True);
        var roles = await ProviderData.QueryAsync(Factory, db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == account.Id select r.Name).ToListAsync());
        Assert.That(roles, Is.EqualTo(new[] { Roles.Employer }));
        var audit = await ProviderData.QueryAsync(Factory, db => db.AuditEvents.Where(a => a.Action == "employer-contact.invited" && a.ActorName == "Helen Marsh").Select(a => a.Details).ToListAsync());
        Assert.That(audit, Has.Some.Contains("Eilidh MacRae"));
        var invitation = await ProviderData.QueryAsync(Factory, db => db.OutboxMessages.CountAsync(m => m.ToAddress == "eilidh.macrae@example.org"));
        Assert.That(invitation, Is.EqualTo(1), "the invitation mail is queued with the account");

        using var contact = await Factory.SignInAsync("eilidh.macrae@example.org", FirstPassword);
        using var home = await contact.GetAsync(EmployerRoutes.Home);
        Assert.That(home.RedirectTarget(), Does.StartWith("/Account/ChangePassword"));
        using var changed = await contact.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = FirstPassword,
            ["Input.NewPassword"] = ChosenPassword,
            ["Input.ConfirmPassword"] = ChosenPassword,
            ["__RequestVerificationToken"] = await Forms.AntiforgeryTokenAsync(contact, "/Account/ChangePassword"),
        }));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var after = await contact.GetAsync(EmployerRoutes.Home);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(after)).QuerySelectorAll("#employer-apprentices tbody tr"), Is.Not.Empty);
    }

    [Test]
    public async Task Bad_details_are_refused_beside_each_field_and_nothing_is_saved()
    {
        var employerId = await EmployerOfAsync(DemoDataSeeder.EmployerEmail);
        using var admin = await SignInAsProviderAdminAsync();
        var before = await ProviderData.QueryAsync(Factory, db => db.Users.CountAsync());

        using var response = await PostFormAsync(admin, ProviderRoutes.Employer(employerId),
        [
            new("Input.GivenName", " "), new("Input.FamilyName", "Ross"), new("Input.Email", "not-an-address"),
            new("Input.JobTitle", ""), new("Input.Password", "short"),
        ]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#GivenName-error")?.TextContent, Does.Contain("Enter the given name"));
        Assert.That(page.QuerySelector("#Email-error")?.TextContent, Does.Contain("correct format"));
        Assert.That(page.QuerySelector("#JobTitle-error")?.TextContent, Does.Contain("Enter the job title"));
        Assert.That(page.QuerySelector("#Password-error")?.TextContent, Is.Not.Empty);
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.Users.CountAsync()), Is.EqualTo(before));
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.EmployerContacts.CountAsync(c => c.FamilyName == "Ross")), Is.Zero);
    }

    [Test]
    public async Task An_address_that_already_has_an_account_is_refused()
    {
        var employerId = await EmployerOfAsync(DemoDataSeeder.EmployerEmail);
        using var admin = await SignInAsProviderAdminAsync();

        using var response = await PostFormAsync(admin, ProviderRoutes.Employer(employerId), Fields(DemoDataSeeder.ApprenticeEmail));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Email-error")?.TextContent, Does.Contain("already exists"));
    }

    [Test]
    public async Task Another_providers_employer_answers_404_to_its_page_and_its_form()
    {
        var employerB = await EmployerOfAsync(DemoDataSeeder.EmployerBEmail);
        var employerA = await EmployerOfAsync(DemoDataSeeder.EmployerEmail);
        using var admin = await SignInAsProviderAdminAsync();

        using var page = await admin.GetAsync(ProviderRoutes.Employer(employerB));
        var token = await Forms.AntiforgeryTokenAsync(admin, ProviderRoutes.Employer(employerA));
        var fields = Fields("intruder@example.org");
        fields.Add(new("_handler", "invite-contact"));
        fields.Add(new("__RequestVerificationToken", token));
        using var posted = await admin.PostAsync(ProviderRoutes.Employer(employerB), new FormUrlEncodedContent(fields));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.Users.CountAsync(u => u.Email == "intruder@example.org")), Is.Zero);
    }

    [Test]
    public async Task The_employers_page_answers_403_to_an_employer_contact()
    {
        var employerId = await EmployerOfAsync(DemoDataSeeder.EmployerEmail);
        using var contact = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var response = await contact.GetAsync(ProviderRoutes.Employer(employerId));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static List<KeyValuePair<string, string>> Fields(string email) =>
    [
        new("Input.GivenName", "Eilidh"), new("Input.FamilyName", "MacRae"), new("Input.Email", email),
        new("Input.JobTitle", "Clinical lead"), new("Input.Password", FirstPassword),
    ];

    private Task<Guid> EmployerOfAsync(string contactEmail) =>
        ProviderData.QueryAsync(Factory, db => db.EmployerContacts.Where(c => c.Email == contactEmail).Select(c => c.EmployerId).SingleAsync());

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await AppFactory.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? $"status {(int)response.StatusCode}";
}
