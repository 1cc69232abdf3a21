using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>The enrolment page: assessors, changes of status along the domain's transitions, gateway confirmations.</summary>
public sealed class EnrolmentPageTests : SeededAppFixture
{
    [Test]
    public async Task An_assessor_is_assigned_and_then_unassigned()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Tereza");
        var tomasz = await AssessorIdAsync("Tomasz");
        using var client = await SignInAsProviderAdminAsync();

        using var assigned = await PostAsync(client, id, "#assign-form", [new("AssignForm.AssessorId", tomasz.ToString())]);
        var afterAssign = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var unassigned = await PostAsync(client, id, "#unassign-form", [new("UnassignForm.UnassignId", tomasz.ToString())]);
        var afterUnassign = await ProviderData.LoadEnrolmentAsync(Factory, id);

        Assert.That(assigned.RedirectTarget(), Is.EqualTo($"{ProviderRoutes.Enrolment(id)}?done=assigned"));
        Assert.That(afterAssign.IsAssignedTo(tomasz), Is.True);
        Assert.That(unassigned.RedirectTarget(), Is.EqualTo($"{ProviderRoutes.Enrolment(id)}?done=unassigned"));
        Assert.That(afterUnassign.IsAssignedTo(tomasz), Is.False);
        Assert.That(afterUnassign.Assignments.Single(a => a.AssessorId == tomasz).EndedAt, Is.Not.Null);
    }

    [Test]
    public async Task Assigning_an_assessor_already_assigned_is_refused_beside_the_field()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Łucja");
        var grace = await AssessorIdAsync("Grace");
        using var client = await SignInAsProviderAdminAsync();

        using var response = await PostAsync(client, id, "#assign-form", [new("AssignForm.AssessorId", grace.ToString())]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#AssessorId-error")?.TextContent, Does.Contain("already assigned"));
    }

    [Test]
    public async Task A_break_in_learning_without_a_reason_is_refused()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Emily");
        using var client = await SignInAsProviderAdminAsync();

        using var response = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "break"), new("StatusInput.Reason", " ")]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Reason-error")?.TextContent, Does.Contain("Enter the reason"));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public async Task A_break_in_learning_with_a_reason_starts_and_learning_resumes()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Jiří");
        using var client = await SignInAsProviderAdminAsync();

        using var onBreak = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "break"), new("StatusInput.Reason", "Parental leave")]);
        var during = (await ProviderData.LoadEnrolmentAsync(Factory, id)).Status;
        using var resumed = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "resume")]);

        Assert.That(onBreak.RedirectTarget(), Is.EqualTo($"{ProviderRoutes.Enrolment(id)}?done=status"));
        Assert.That(during, Is.EqualTo(EnrolmentStatus.BreakInLearning));
        Assert.That(resumed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public async Task Resuming_learning_that_is_not_on_a_break_is_refused()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Aoife");
        using var client = await SignInAsProviderAdminAsync();

        using var response = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "resume")]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Action-error")?.TextContent, Does.Contain("Only an apprenticeship on a break in learning can resume"));
    }

    [Test]
    public async Task Passing_gateway_before_the_apprentice_is_ready_is_refused_with_what_is_outstanding()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Kateřina");
        using var client = await SignInAsProviderAdminAsync();

        using var response = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "gateway")]);

        var message = (await AppFactory.ParseAsync(response)).QuerySelector("#Action-error")?.TextContent;
        Assert.That(message, Does.Contain("not ready for gateway").And.Contain("All duties signed off").And.Contain("English and maths at Level 2 achieved"));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public async Task Confirming_a_gateway_requirement_records_who_confirmed_it_with_the_note()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Chidi");
        using var client = await SignInAsProviderAdminAsync();

        using var response = await PostAsync(client, id, "#gateway-form", [new("GatewayInput.Key", "english-maths-l2"), new("GatewayInput.Note", "Certificates seen")]);

        var page = await AppFactory.ParseAsync(await client.GetAsync(response.RedirectTarget()));
        var enrolment = await ProviderData.LoadEnrolmentAsync(Factory, id);
        Assert.That(response.RedirectTarget(), Is.EqualTo($"{ProviderRoutes.Enrolment(id)}?done=confirmed"));
        Assert.That(enrolment.GatewayConfirmations.Single().Note, Is.EqualTo("Certificates seen"));
        Assert.That(page.QuerySelector(".gateway-checklist")!.TextContent, Does.Contain("Confirmed by Helen Marsh"));
        Assert.That(page.QuerySelectorAll("#Key option").Select(o => o.GetAttribute("value")), Does.Not.Contain("english-maths-l2"));
    }

    [Test]
    public async Task A_ready_apprentice_passes_gateway_returns_from_it_with_a_reason_and_an_apprentice_at_gateway_completes()
    {
        var ready = await ProviderData.EnrolmentOfAsync(Factory, "Thị Hà");
        var atGateway = await ProviderData.EnrolmentOfAsync(Factory, "Siobhán");
        using var client = await SignInAsProviderAdminAsync();
        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Enrolment(ready)));
        foreach (var key in page.QuerySelectorAll("#Key option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList())
        {
            using var confirmed = await PostAsync(client, ready, "#gateway-form", [new("GatewayInput.Key", key!)]);
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), key);
        }

        using var employer = await SignInAsync(Persistence.Seeding.DemoDataSeeder.EmployerEmail);
        using var agreed = await PostFormAsync(employer, Web.Features.Employers.EmployerRoutes.Apprentice(ready), [new("Form.Agree", "true")]);
        Assert.That(agreed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the employer agrees too");

        using var passed = await PostAsync(client, ready, "#status-form", [new("StatusInput.Action", "gateway")]);
        var afterPass = (await ProviderData.LoadEnrolmentAsync(Factory, ready)).Status;
        using var returned = await PostAsync(client, ready, "#status-form", [new("StatusInput.Action", "return"), new("StatusInput.Reason", "Assessment deferred")]);
        using var completed = await PostAsync(client, atGateway, "#status-form", [new("StatusInput.Action", "complete")]);

        Assert.That(passed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), (await AppFactory.ParseAsync(passed)).QuerySelector("main")?.TextContent);
        Assert.That(afterPass, Is.EqualTo(EnrolmentStatus.Gateway));
        Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, ready)).Status, Is.EqualTo(EnrolmentStatus.Active));
        Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, atGateway)).Status, Is.EqualTo(EnrolmentStatus.Completed));
    }

    [Test]
    public async Task A_withdrawal_needs_a_reason_and_is_final()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Priya");
        using var client = await SignInAsProviderAdminAsync();
        var url = ProviderRoutes.Enrolment(id);
        var statusForm = await FormAsync(client, url, "#status-form");

        using var withdrawn = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "withdraw"), new("StatusInput.Reason", "Left the employer")]);
        var afterWithdrawal = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var again = await Forms.PostAsync(client, url, statusForm, [new("StatusInput.Action", "withdraw"), new("StatusInput.Reason", "Again")]);

        var refused = await AppFactory.ParseAsync(again);
        Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(afterWithdrawal.Status, Is.EqualTo(EnrolmentStatus.Withdrawn));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.QuerySelector(".error-summary")?.TextContent, Does.Contain("An apprenticeship that is withdrawn cannot be withdrawn."));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).ConcurrencyStamp, Is.EqualTo(afterWithdrawal.ConcurrencyStamp));
    }

    [Test]
    public async Task A_withdrawn_enrolment_offers_no_assessor_or_status_forms_and_says_why()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Zoë");
        using var client = await SignInAsProviderAdminAsync();
        using (var withdrawn = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "withdraw"), new("StatusInput.Reason", "Left the employer")]))
        {
            Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Enrolment(id)));

        var assessors = page.QuerySelector("section[aria-labelledby=assessors-heading]")!;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("#assign-form"), Is.Null);
            Assert.That(page.QuerySelector("#unassign-form"), Is.Null);
            Assert.That(page.QuerySelector("#status-form"), Is.Null);
            Assert.That(page.QuerySelectorAll("main button, main select, main textarea"), Is.Empty);
            Assert.That(assessors.TextContent, Does.Contain("Tomasz Kowalczyk"));
            Assert.That(assessors.TextContent, Does.Contain("The apprenticeship is withdrawn, and its record is closed: assessors are no longer assigned or unassigned."));
            Assert.That(page.QuerySelector("section[aria-labelledby=status-heading]")!.TextContent, Does.Contain("its status cannot change any more"));
        });
    }

    [Test]
    public async Task Assessor_changes_posted_after_a_withdrawal_are_refused_with_the_domain_s_message_and_nothing_is_saved()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Thomas");
        var tomasz = await AssessorIdAsync("Tomasz");
        var grace = await AssessorIdAsync("Grace");
        using var client = await SignInAsProviderAdminAsync();
        var url = ProviderRoutes.Enrolment(id);
        var assignForm = await FormAsync(client, url, "#assign-form");
        var unassignForm = await FormAsync(client, url, "#unassign-form");
        using (var withdrawn = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "withdraw"), new("StatusInput.Reason", "Left the employer")]))
        {
            Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var before = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var assigned = await Forms.PostAsync(client, url, assignForm, [new("AssignForm.AssessorId", grace.ToString())]);
        using var unassigned = await Forms.PostAsync(client, url, unassignForm, [new("UnassignForm.UnassignId", tomasz.ToString())]);

        var assignRefused = await AppFactory.ParseAsync(assigned);
        var unassignRefused = await AppFactory.ParseAsync(unassigned);
        var after = await ProviderData.LoadEnrolmentAsync(Factory, id);
        Assert.Multiple(() =>
        {
            Assert.That(before.IsAssignedTo(tomasz), Is.True);
            Assert.That((assigned.StatusCode, unassigned.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(
                assignRefused.QuerySelector(".error-summary")?.TextContent,
                Does.Contain("You cannot assign an assessor: the apprenticeship is withdrawn, and its record is closed."));
            Assert.That(
                unassignRefused.QuerySelector(".error-summary")?.TextContent,
                Does.Contain("You cannot unassign an assessor: the apprenticeship is withdrawn, and its record is closed."));
            Assert.That(after.IsAssignedTo(grace), Is.False);
            Assert.That(after.IsAssignedTo(tomasz), Is.True);
            Assert.That(after.ConcurrencyStamp, Is.EqualTo(before.ConcurrencyStamp));
        });
    }

    [Test]
    public async Task A_gateway_confirmation_posted_after_a_withdrawal_is_refused_and_the_page_no_longer_offers_it()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Harriet");
        using var client = await SignInAsProviderAdminAsync();
        var url = ProviderRoutes.Enrolment(id);
        var gatewayForm = (IHtmlFormElement)(await AppFactory.ParseAsync(await client.GetAsync(url))).QuerySelector("#gateway-form")!;
        using (var withdrawn = await PostAsync(client, id, "#status-form", [new("StatusInput.Action", "withdraw"), new("StatusInput.Reason", "Left the employer")]))
        {
            Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var page = await AppFactory.ParseAsync(await client.GetAsync(url));
        using var response = await Forms.PostAsync(client, url, gatewayForm, [new("GatewayInput.Key", "english-maths-l2")]);

        var refused = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#gateway-form"), Is.Null);
        Assert.That(page.QuerySelector("section[aria-labelledby=gateway-heading]")!.TextContent, Does.Contain("its record is closed"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            refused.QuerySelector(".error-summary")?.TextContent,
            Does.Contain("You cannot confirm a gateway requirement: the apprenticeship is withdrawn, and its record is closed."));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).GatewayConfirmations, Is.Empty);
    }

    [Test]
    public async Task A_gateway_form_opened_before_the_last_requirement_was_confirmed_is_answered_that_nothing_is_left_to_confirm()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Mohammed");
        using var client = await SignInAsProviderAdminAsync();
        var url = ProviderRoutes.Enrolment(id);
        var staleForm = await FormAsync(client, url, "#gateway-form");
        var first = staleForm.QuerySelectorAll("#Key option").First(o => !string.IsNullOrEmpty(o.GetAttribute("value")));
        while ((await AppFactory.ParseAsync(await client.GetAsync(url))).QuerySelector("#Key option[value]:not([value=''])")?.GetAttribute("value") is { } key)
        {
            using var confirmed = await PostAsync(client, id, "#gateway-form", [new("GatewayInput.Key", key)]);
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), key);
        }

        var before = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var response = await Forms.PostAsync(client, url, staleForm, [new("GatewayInput.Key", first.GetAttribute("value")!)]);

        var page = await AppFactory.ParseAsync(response);
        var after = await ProviderData.LoadEnrolmentAsync(Factory, id);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#gateway-form"), Is.Null);
        Assert.That(
            page.QuerySelector(".error-summary li")?.TextContent.Trim(),
            Is.EqualTo($"'{first.TextContent}' is already confirmed. Every gateway requirement is confirmed: there is nothing left to confirm."));
        Assert.That(page.QuerySelector(".error-summary a"), Is.Null, "no link to a field the page no longer shows");
        Assert.That(
            (after.GatewayConfirmations.Count, after.ConcurrencyStamp),
            Is.EqualTo((before.GatewayConfirmations.Count, before.ConcurrencyStamp)));
    }

    [Test]
    public async Task The_page_shows_progress_and_the_gateway_checklist()
    {
        var id = await ProviderData.EnrolmentOfAsync(Factory, "Łucja");
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Enrolment(id)));

        Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain("Łucja Wójcik").And.Contain("Active"));
        Assert.That(page.QuerySelectorAll("section[aria-labelledby=progress-heading] tbody tr"), Has.Length.EqualTo(10));
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Contain("6 of 10 duties signed off"));
        Assert.That(page.QuerySelectorAll(".gateway-checklist li"), Has.Length.EqualTo(9));
        Assert.That(page.QuerySelectorAll(".gateway-checklist li")[^1].TextContent, Does.Contain("The employer agrees the apprentice is ready").And.Contain("Not yet agreed by the employer"));
    }

    /// <summary>A form as the browser holds it when the page is opened, to post after the record changed behind it.</summary>
    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, string url, string formSelector) =>
        (await AppFactory.ParseAsync(await client.GetAsync(url))).QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No {formSelector} on {url}.");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string formSelector, List<KeyValuePair<string, string>> fields)
    {
        var url = ProviderRoutes.Enrolment(id);
        var page = await AppFactory.ParseAsync(await client.GetAsync(url));
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No {formSelector} on {url}.");
        return await Forms.PostAsync(client, url, form, fields);
    }

    private Task<Guid> AssessorIdAsync(string givenName) =>
        ProviderData.QueryAsync(Factory, db => db.Assessors.Where(a => a.GivenName == givenName).Select(a => a.Id).SingleAsync());
}
