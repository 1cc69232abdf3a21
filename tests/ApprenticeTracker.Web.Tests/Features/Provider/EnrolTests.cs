using System.Net;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>Enrolling an apprentice creates the account, the apprentice and the enrolment together, or nothing.</summary>
public sealed class EnrolTests : SeededAppFixture
{
    private const string FirstPassword = "first-password-for-you";

    [Test]
    public async Task Enrolling_creates_the_account_the_apprentice_and_the_enrolment_with_its_assessor()
    {
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "nia.evans@example.org");

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(response));
        Assert.That(response.RedirectTarget(), Does.Match("^/provider/enrolments/[0-9a-f-]{36}\\?done=enrolled$"));
        var page = await AppFactory.ParseAsync(await client.GetAsync(response.RedirectTarget()));
        Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain("Nia Evans"));
        Assert.That(page.QuerySelector("#UnassignId")!.TextContent, Does.Contain("Grace Adeyemi"));
        var account = await ProviderData.QueryAsync(Factory, db => db.Users.SingleAsync(u => u.Email == "nia.evans@example.org"));
        Assert.That(account.MustChangePassword, Is.True);
        var roles = await ProviderData.QueryAsync(Factory, db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == account.Id select r.Name).ToListAsync());
        Assert.That(roles, Is.EqualTo(new[] { Roles.Apprentice }));
    }

    [Test]
    public async Task An_enrolment_starting_after_today_reads_not_started_until_its_start_date()
    {
        using var client = await SignInAsProviderAdminAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        var fields = await ValidFieldsAsync(client, "rhys.morgan@example.org");
        fields.RemoveAll(f => f.Key is "Input.StartDate" or "Input.PlannedEndDate");
        fields.Add(new("Input.StartDate", start.ToString("yyyy-MM-dd")));
        fields.Add(new("Input.PlannedEndDate", start.AddYears(3).ToString("yyyy-MM-dd")));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(response));
        var page = await AppFactory.ParseAsync(await client.GetAsync(response.RedirectTarget()));
        Assert.That(page.QuerySelector("h1 .status-badge")!.TextContent, Is.EqualTo("Not started"));
    }

    [Test]
    public async Task Enrolling_with_no_assessor_ticked_enrols_the_apprentice_with_none_assigned()
    {
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "mali.tau@example.org");
        fields.RemoveAll(f => f.Key == "Input.AssessorIds");

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(response));
        var enrolmentId = Guid.Parse(response.RedirectTarget()!.Split('/', '?')[3]);
        var assignments = await ProviderData.QueryAsync(Factory, db => db.AssessorAssignments.CountAsync(a => a.EnrolmentId == enrolmentId));
        Assert.That(assignments, Is.Zero);
    }

    [Test]
    public async Task The_new_apprentice_must_change_the_first_password_when_they_first_sign_in()
    {
        using var admin = await SignInAsProviderAdminAsync();
        using var enrolled = await PostFormAsync(admin, ProviderRoutes.Enrol, await ValidFieldsAsync(admin, "owain.price@example.org"));
        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(enrolled));

        using var apprentice = await Factory.SignInAsync("owain.price@example.org", FirstPassword);
        using var home = await apprentice.GetAsync(HomeRoutes.Home);

        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(home.RedirectTarget(), Does.StartWith(AccountRoutes.ChangePassword));
    }

    [Test]
    public async Task An_email_address_already_in_use_is_refused_beside_the_field_and_nothing_is_created()
    {
        using var client = await SignInAsProviderAdminAsync();
        var before = await CountsAsync();
        var fields = await ValidFieldsAsync(client, DemoDataSeeder.AssessorEmail);

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#Email-error")?.TextContent, Does.Contain("already exists"));
        Assert.That(page.QuerySelector("#Email")?.ClassList, Does.Contain("is-invalid"));
        Assert.That(page.QuerySelector(".error-summary a[href$='#Email']"), Is.Not.Null);
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_refusal_after_the_account_is_made_rolls_the_account_back_too()
    {
        // The domain refuses a planned end before the minimum duration only once the account exists in the transaction.
        using var client = await SignInAsProviderAdminAsync();
        var before = await CountsAsync();
        var fields = await ValidFieldsAsync(client, "too.short@example.org");
        fields.RemoveAll(f => f.Key == "Input.PlannedEndDate");
        fields.Add(new("Input.PlannedEndDate", "2026-12-01"));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#PlannedEndDate-error")?.TextContent, Does.Contain("minimum duration"));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.Users.AnyAsync(u => u.NormalizedEmail == "TOO.SHORT@EXAMPLE.ORG")), Is.False);
    }

    [Test]
    public async Task A_first_password_shorter_than_twelve_characters_is_refused()
    {
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "short.password@example.org");
        fields.RemoveAll(f => f.Key == "Input.Password");
        fields.Add(new("Input.Password", "eleven-char"));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Password-error")?.TextContent, Does.Contain("12"));
        Assert.That(page.QuerySelector("#Password")?.GetAttribute("value"), Is.Null.Or.Empty);
    }

    [Test]
    public async Task An_employer_of_provider_B_is_refused()
    {
        var providerB = await ProviderData.ProviderIdAsync(Factory, DemoDataSeeder.ProviderBAdminEmail);
        var theirEmployer = await ProviderData.QueryAsync(Factory, db => db.Employers.Where(e => e.TrainingProviderId == providerB).Select(e => e.Id).FirstAsync());
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "cross.provider@example.org");
        fields.RemoveAll(f => f.Key == "Input.EmployerId");
        fields.Add(new("Input.EmployerId", theirEmployer.ToString()));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#EmployerId-error")?.TextContent, Does.Contain("Choose an employer of your organisation"));
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.Users.AnyAsync(u => u.NormalizedEmail == "CROSS.PROVIDER@EXAMPLE.ORG")), Is.False);
    }

    [Test]
    public async Task A_name_that_looks_like_a_formula_is_neutralised_in_the_csv_export()
    {
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "formula@example.org");
        fields.RemoveAll(f => f.Key == "Input.GivenName");
        fields.Add(new("Input.GivenName", "=HYPERLINK(\"http://evil.example\",\"Click\")"));
        using var enrolled = await PostFormAsync(client, ProviderRoutes.Enrol, fields);
        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(enrolled));

        var csv = await client.GetStringAsync(ProviderRoutes.DashboardCsv);

        var line = csv.Split("\r\n").Single(l => l.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.That(line, Does.StartWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\") Evans\""));
    }

    [Test]
    public async Task A_uln_entered_on_enrolment_is_kept_and_shown_on_the_enrolment_page_and_in_the_csv()
    {
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "owain.uln@example.org");
        fields.Add(new("Input.Uln", "24681 35791"));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(response));
        var page = await AppFactory.ParseAsync(await client.GetAsync(response.RedirectTarget()));
        Assert.That(page.QuerySelector("#enrolment-uln")?.TextContent, Is.EqualTo("2468135791"));
        var csv = await client.GetStringAsync(ProviderRoutes.DashboardCsv);
        Assert.That(csv.Split("\r\n").Single(l => l.Contains("2468135791", StringComparison.Ordinal)), Does.StartWith("Owain Evans,2468135791,"));
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.AuditEvents.CountAsync(a => a.Action == "enrolment.uln-recorded" && a.Details == "ULN 2468135791")), Is.EqualTo(1));
    }

    [TestCase("2468135792", "its last digit does not match", TestName = "A_uln_whose_check_digit_is_wrong_is_refused_at_its_field_and_nothing_is_created")]
    [TestCase("9876543210", "its last digit does not match", TestName = "A_uln_whose_first_nine_digits_allow_no_check_digit_is_refused_at_its_field")]
    [TestCase("24681357", "10 digits", TestName = "A_uln_of_eight_digits_is_refused_at_its_field")]
    public async Task A_uln_that_is_not_one_is_refused_at_its_field_and_nothing_is_created(string uln, string message)
    {
        using var client = await SignInAsProviderAdminAsync();
        var before = await CountsAsync();
        var fields = await ValidFieldsAsync(client, "owain.typo@example.org");
        fields.Add(new("Input.Uln", uln));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#Uln-error")?.TextContent, Does.Contain(message));
        Assert.That(page.QuerySelector("#Uln")?.ClassList, Does.Contain("is-invalid"));
        Assert.That(page.QuerySelector(".error-summary a[href$='#Uln']"), Is.Not.Null);
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_uln_another_of_the_provider_s_apprentices_has_is_refused_and_names_them()
    {
        using var client = await SignInAsProviderAdminAsync();
        var before = await CountsAsync();
        var fields = await ValidFieldsAsync(client, "owain.twin@example.org");
        fields.Add(new("Input.Uln", DemoDataSeeder.UlnFor(0).Value));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Uln-error")?.TextContent, Does.Contain("is already the ULN of Łucja Wójcik"));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_uln_of_another_provider_s_apprentice_is_no_clash()
    {
        var providerBUln = await ProviderData.QueryAsync(Factory, db => (
            from e in db.Enrolments
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            where a.GivenName == "Gruffudd"
            select e.Uln).SingleAsync());
        using var client = await SignInAsProviderAdminAsync();
        var fields = await ValidFieldsAsync(client, "owain.elsewhere@example.org");
        fields.Add(new("Input.Uln", providerBUln!));

        using var response = await PostFormAsync(client, ProviderRoutes.Enrol, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ErrorsAsync(response));
    }

    private async Task<List<KeyValuePair<string, string>>> ValidFieldsAsync(HttpClient client, string email)
    {
        var form = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Enrol));
        string First(string selectId) => form.QuerySelectorAll($"#{selectId} option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var grace = form.QuerySelectorAll("input[name='Input.AssessorIds']").Single(i => form.QuerySelector($"label[for='{i.Id}']")!.TextContent == "Grace Adeyemi").GetAttribute("value")!;
        return
        [
            new("Input.GivenName", email.StartsWith("nia", StringComparison.Ordinal) ? "Nia" : "Owain"),
            new("Input.FamilyName", email.StartsWith("nia", StringComparison.Ordinal) ? "Evans" : "Evans"),
            new("Input.Email", email),
            new("Input.StandardId", First("StandardId")),
            new("Input.EmployerId", First("EmployerId")),
            new("Input.CohortId", First("CohortId")),
            new("Input.StartDate", "2026-09-01"),
            new("Input.PlannedEndDate", "2029-08-31"),
            new("Input.AssessorIds", grace),
            new("Input.Password", FirstPassword),
        ];
    }

    private Task<(int Users, int Apprentices, int Enrolments)> CountsAsync() =>
        ProviderData.QueryAsync(Factory, async db => (await db.Users.CountAsync(), await db.Apprentices.CountAsync(), await db.Enrolments.CountAsync()));

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await AppFactory.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? $"status {(int)response.StatusCode}";
}
