using System.Globalization;
using System.Net;
using System.Text;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.OffTheJob;

/// <summary>The provider's CSV import of off-the-job entries, through real HTTP: all or nothing, each refused row by line.</summary>
public sealed class ImportOffTheJobTests : SeededAppFixture
{
    private static string DaysAgo(int days) => ServiceClock.DateOf(DateTimeOffset.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content) =>
        PostFormAsync(client, "/off-the-job/import", [], [new FormFile("File", "otj.csv", content, "text/csv")]);

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    [Test]
    public async Task Every_row_of_a_good_file_becomes_an_entry_waiting_for_approval()
    {
        var before = await QueryAsync(db => db.OffTheJobEntries.CountAsync());
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await ImportAsync(provider, Csv(
            "Email,Date,Minutes,Kind,Description",
            $"{DemoDataSeeder.ApprenticeEmail},{DaysAgo(4)},90,Taught session,\"Lecture: renal physiology, part 2\"",
            $"{DemoDataSeeder.ApprenticeEmail.ToUpperInvariant()},{DateOnly.ParseExact(DaysAgo(6), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)},45,Shadowing,Imported shadowing"));

        Assert.That(response.RedirectTarget(), Is.EqualTo("/off-the-job/import?imported=2"));
        var imported = await QueryAsync(db => db.OffTheJobEntries.Where(x => x.Source == OffTheJobEntrySource.Import).ToListAsync());
        Assert.That(imported.Select(x => (x.WhatWasLearnt, x.Minutes, x.Status)), Is.EquivalentTo(new[]
        {
            ("Lecture: renal physiology, part 2", 90, OffTheJobEntryStatus.Waiting), ("Imported shadowing", 45, OffTheJobEntryStatus.Waiting),
        }));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(before + 2));
        var ids = imported.Select(x => x.Id).ToList();
        Assert.That(await QueryAsync(db => db.AuditEvents.CountAsync(a => ids.Contains(a.EntityId) && a.Action == "otj.logged")), Is.EqualTo(2));
    }

    [Test]
    public async Task A_file_with_refused_rows_imports_nothing_and_reports_each_by_line_and_reason()
    {
        var before = await QueryAsync(db => db.OffTheJobEntries.CountAsync());
        var providerBApprentice = await QueryAsync(db => db.Apprentices.Where(a => a.GivenName == "Gruffudd").Select(a => a.Email).SingleAsync());
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await ImportAsync(provider, Csv(
            "email,uln,date,minutes,kind,description",
            $"{DemoDataSeeder.ApprenticeEmail},,{DaysAgo(3)},60,Shadowing,Fine row",
            $"nobody@example.org,,{DaysAgo(3)},60,Shadowing,Unknown apprentice",
            $"{DemoDataSeeder.ApprenticeEmail},,2999-01-01,60,Shadowing,Future",
            $"{DemoDataSeeder.ApprenticeEmail},,{DaysAgo(3)},60,Induction,Induction day",
            $",1234567890,{DaysAgo(3)},60,Shadowing,By ULN",
            $"{providerBApprentice},,{DaysAgo(3)},sixty,Juggling,"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        var messages = page.QuerySelectorAll("#File-error li").Select(li => li.TextContent.Trim()).ToList();
        Assert.That(messages[0], Does.StartWith("5 of 6 rows are refused"));
        Assert.That(messages.Skip(1).ToList(), Has.Count.EqualTo(5));
        Assert.That(messages[1], Does.StartWith("Line 3: no apprentice of yours has the email nobody@example.org"));
        Assert.That(messages[2], Does.StartWith("Line 4:").And.Contain("future"));
        Assert.That(messages[3], Does.StartWith("Line 5:").And.Contain("Induction is not off-the-job training"));
        Assert.That(messages[4], Does.StartWith("Line 6: 1234567890 is not a unique learner number"));
        Assert.That(messages[5], Does.StartWith("Line 7: no apprentice of yours").And.Contain("minutes as a whole number").And.Contain("\"Juggling\""));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task Rows_naming_the_apprentice_by_uln_are_imported_for_that_apprentice()
    {
        var uln = DemoDataSeeder.UlnFor(0).Value;
        var lucja = await QueryAsync(db => (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id where a.Email == DemoDataSeeder.ApprenticeEmail select e.Id).SingleAsync());
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await ImportAsync(provider, Csv(
            "uln,date,minutes,kind,description",
            $"{uln},{DaysAgo(8)},50,Online learning,Imported by ULN",
            $"{uln[..5]} {uln[5..]},{DaysAgo(9)},40,Online learning,Imported by ULN with a space"));

        Assert.That(response.RedirectTarget(), Is.EqualTo("/off-the-job/import?imported=2"));
        var imported = await QueryAsync(db => db.OffTheJobEntries.Where(x => x.WhatWasLearnt.StartsWith("Imported by ULN")).Select(x => x.EnrolmentId).ToListAsync());
        Assert.That(imported, Is.EqualTo(new[] { lucja, lucja }));
    }

    [Test]
    public async Task A_uln_of_another_provider_s_apprentice_or_one_that_disagrees_with_the_email_is_refused_by_line()
    {
        var before = await QueryAsync(db => db.OffTheJobEntries.CountAsync());
        var providerBUln = await QueryAsync(db => (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id where a.GivenName == "Gruffudd" select e.Uln).SingleAsync());
        var otherUln = DemoDataSeeder.UlnFor(1).Value; // Nguyễn Thị Hà, of the same provider as Łucja
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await ImportAsync(provider, Csv(
            "email,uln,date,minutes,kind,description",
            $",{providerBUln},{DaysAgo(3)},60,Shadowing,Another provider's apprentice",
            $"{DemoDataSeeder.ApprenticeEmail},{otherUln},{DaysAgo(3)},60,Shadowing,Two apprentices named"));

        var page = await AppFactory.ParseAsync(response);
        var messages = page.QuerySelectorAll("#File-error li").Select(li => li.TextContent.Trim()).ToList();
        Assert.That(messages[1], Is.EqualTo($"Line 2: no apprentice of yours has the ULN {providerBUln}."));
        Assert.That(messages[2], Is.EqualTo($"Line 3: the email {DemoDataSeeder.ApprenticeEmail} and the ULN {otherUln} belong to different apprentices."));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task A_file_that_is_not_utf8_text_is_refused_by_its_content_whatever_its_name()
    {
        using var provider = await SignInAsProviderAdminAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE];

        using var response = await ImportAsync(provider, png);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#File-error")?.TextContent, Does.Contain("not a CSV text file"));
    }

    [Test]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        using var provider = await SignInAsProviderAdminAsync();
        var big = Csv(["email,date,minutes,kind,description", .. Enumerable.Repeat($"{DemoDataSeeder.ApprenticeEmail},{DaysAgo(3)},1,Shadowing,{new string('x', 200)}", 6000)]);

        using var response = await ImportAsync(provider, big);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#File-error")?.TextContent, Does.Contain("too large"));
    }

    [Test]
    public async Task A_file_without_the_named_columns_is_refused_and_says_which_are_missing()
    {
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await ImportAsync(provider, Csv("name,when,how long", "Łucja,yesterday,1h"));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#File-error")?.TextContent, Does.Contain("missing: email (or uln), date, minutes, kind, description"));
    }

    [Test]
    public async Task An_apprentice_and_an_assessor_cannot_open_the_import()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using var assessor = await SignInAsAssessorAsync();

        using var byApprentice = await apprentice.GetAsync("/off-the-job/import");
        using var byAssessor = await assessor.GetAsync("/off-the-job/import");

        Assert.That(byApprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byAssessor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
