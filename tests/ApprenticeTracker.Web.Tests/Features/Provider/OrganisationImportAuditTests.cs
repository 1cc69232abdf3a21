using System.Net;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>Employers and cohorts, standard import and the audit log, through the real pages.</summary>
public sealed class OrganisationImportAuditTests : SeededAppFixture
{
    [Test]
    public async Task An_employer_is_added_and_a_second_of_the_same_name_is_refused_beside_the_field()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var added = await Forms.PostFormAsync(client, ProviderRoutes.Organisation, [new("EmployerInput.Name", "Riverside Community Health")], formSelector: "#employer-form");
        using var again = await Forms.PostFormAsync(client, ProviderRoutes.Organisation, [new("EmployerInput.Name", "riverside community health")], formSelector: "#employer-form");

        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Organisation));
        Assert.That(page.QuerySelectorAll("section[aria-labelledby=employers-heading] tbody th").Select(th => th.TextContent), Does.Contain("Riverside Community Health"));
        Assert.That((await AppFactory.ParseAsync(again)).QuerySelector("#EmployerName-error")?.TextContent, Does.Contain("already has an employer called"));
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.Employers.CountAsync(e => e.Name == "Riverside Community Health" || e.Name == "riverside community health")), Is.EqualTo(1));
    }

    [Test]
    public async Task A_cohort_needs_a_name_and_a_start_date_and_its_name_is_unique_within_the_provider()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var empty = await Forms.PostFormAsync(client, ProviderRoutes.Organisation, [new("CohortInput.Name", ""), new("CohortInput.StartDate", "")], formSelector: "#cohort-form");
        using var added = await Forms.PostFormAsync(client, ProviderRoutes.Organisation, [new("CohortInput.Name", "January 2027"), new("CohortInput.StartDate", "2027-01-04")], formSelector: "#cohort-form");
        using var again = await Forms.PostFormAsync(client, ProviderRoutes.Organisation, [new("CohortInput.Name", "January 2027"), new("CohortInput.StartDate", "2027-01-04")], formSelector: "#cohort-form");

        var emptyPage = await AppFactory.ParseAsync(empty);
        Assert.That(emptyPage.QuerySelector("#CohortName-error")?.TextContent, Does.Contain("Enter the cohort name"));
        Assert.That(emptyPage.QuerySelector("#CohortStartDate-error")?.TextContent, Does.Contain("Enter the date"));
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await AppFactory.ParseAsync(again)).QuerySelector("#CohortName-error")?.TextContent, Does.Contain("already has a cohort called January 2027"));
    }

    [Test]
    public async Task Importing_a_valid_standard_file_adds_the_version_and_shows_its_counts()
    {
        var path = await StandardFiles.WriteVariantAsync(Factory, json => { json["version"] = "9.9"; json["versionNumber"] = "9.9"; });
        using var client = await SignInAsProviderAdminAsync();

        using var response = await Forms.PostFormAsync(client, ProviderRoutes.ImportStandard, [], [new FormFile("File", "ST0413-v9.9.json", await File.ReadAllBytesAsync(path), "application/json")]);

        Assert.That(response.RedirectTarget(), Is.EqualTo(ProviderRoutes.Standards + "?imported=ST0413%20v9.9"));
        var page = await AppFactory.ParseAsync(await client.GetAsync(response.RedirectTarget()));
        Assert.That(page.QuerySelector("#import-result")?.TextContent, Does.Contain("Imported ST0413 v9.9: 10 duties, 0 KSBs"));
        Assert.That(page.QuerySelectorAll("tbody th").Select(th => th.TextContent), Does.Contain("ST0413 v9.9").And.Contain("ST0413 v1.1"));
    }

    [Test]
    public async Task An_invalid_standard_file_is_refused_with_the_reason_and_nothing_is_written()
    {
        var before = await ProviderData.QueryAsync(Factory, db => db.Standards.CountAsync());
        var path = await StandardFiles.WriteVariantAsync(Factory, json => { json.Remove("referenceNumber"); json["version"] = "8.8"; json["versionNumber"] = "8.8"; });
        using var client = await SignInAsProviderAdminAsync();

        using var response = await Forms.PostFormAsync(client, ProviderRoutes.ImportStandard, [], [new FormFile("File", "broken.json", await File.ReadAllBytesAsync(path), "application/json")]);
        using var notJson = await Forms.PostFormAsync(client, ProviderRoutes.ImportStandard, [], [new FormFile("File", "notes.json", "this is not JSON"u8.ToArray(), "application/json")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(response)).QuerySelector("#File-error")?.TextContent, Does.Contain("referenceNumber"));
        Assert.That((await AppFactory.ParseAsync(notJson)).QuerySelector("#File-error")?.TextContent, Is.Not.Empty);
        Assert.That(await ProviderData.QueryAsync(Factory, db => db.Standards.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task Importing_without_a_file_asks_for_one()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var response = await Forms.PostFormAsync(client, ProviderRoutes.ImportStandard, []);

        Assert.That((await AppFactory.ParseAsync(response)).QuerySelector("#File-error")?.TextContent, Does.Contain("Choose the standard's JSON file"));
    }

    [Test]
    public async Task The_audit_log_filtered_by_apprentice_shows_only_their_entries()
    {
        using var client = await SignInAsProviderAdminAsync();
        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Audit));
        var lucja = page.QuerySelectorAll("#filter-apprentice option").Single(o => o.TextContent == "Łucja Wójcik").GetAttribute("value");

        var filtered = await AppFactory.ParseAsync(await client.GetAsync($"{ProviderRoutes.Audit}?apprentice={lucja}"));

        var apprentices = filtered.QuerySelectorAll("table.audit-log tbody tr td:nth-child(4)").Select(td => td.TextContent).Distinct().ToList();
        Assert.That(apprentices, Is.EqualTo(new[] { "Łucja Wójcik" }));
        Assert.That(filtered.QuerySelector("#filter-apprentice option[selected]")?.TextContent, Is.EqualTo("Łucja Wójcik"));
        Assert.That(page.QuerySelectorAll("#filter-apprentice option").Select(o => o.TextContent), Has.None.AnyOf(ProviderData.ProviderBApprentices.ToArray()));
    }

    [Test]
    public async Task The_audit_log_lists_apprentices_by_family_name_in_British_order_not_by_code_point()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Audit));

        var names = page.QuerySelectorAll("#filter-apprentice option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.That(names.IndexOf("Ewa Dąbrowska"), Is.LessThan(names.IndexOf("Tereza Dvořáková")));
        Assert.That(names.IndexOf("Siobhán Ó Súilleabháin"), Is.LessThan(names.IndexOf("Chidi Okonkwo")));
        Assert.That(names[^1], Is.EqualTo("Ayşe Yılmaz"));
    }

    [Test]
    public async Task The_audit_log_filtered_by_action_shows_only_that_action_newest_first()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Audit + "?action=enrolment.created"));

        var actions = page.QuerySelectorAll("table.audit-log tbody tr td:nth-child(3)").Select(td => td.TextContent).Distinct().ToList();
        Assert.That(actions, Is.EqualTo(new[] { "Enrolment: created" }));
        Assert.That(page.QuerySelectorAll("table.audit-log tbody tr"), Has.Length.GreaterThanOrEqualTo(20));
    }
}
