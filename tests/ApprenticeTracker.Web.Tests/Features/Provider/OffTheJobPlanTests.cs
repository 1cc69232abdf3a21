using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>The provider's off-the-job plan page: contracted hours, prior learning and the standard's minimum.</summary>
public sealed class OffTheJobPlanTests : SeededAppFixture
{
    private static KeyValuePair<string, string>[] Plan(string hours = "30", string priorLearning = "0", string reason = "", string? minimum = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.ContractedHoursPerWeek", hours), new("Form.PriorLearningHours", priorLearning), new("Form.PriorLearningReason", reason),
        };
        if (minimum is not null)
        {
            fields.Add(new("Form.StandardMinimumHours", minimum));
        }

        return [.. fields];
    }

    /// <summary>An active enrolment of provider A whose start falls under the rules of <paramref name="fixedMinimum"/> (from 1 Aug 2025) or before.</summary>
    private Task<Guid> EnrolmentAsync(bool fixedMinimum) =>
        ProviderData.QueryAsync(Factory, async db =>
        {
            var providerA = await ProviderData.ProviderIdAsync(Factory, DemoDataSeeder.ProviderEmail);
            var active = db.Enrolments.Where(e => e.TrainingProviderId == providerA && e.Status == Domain.Enrolments.EnrolmentStatus.Active);
            return await (fixedMinimum
                    ? active.Where(e => e.StartDate >= OffTheJobRules.Rules2025Start)
                    : active.Where(e => e.StartDate < OffTheJobRules.Rules2025Start))
                .OrderBy(e => e.StartDate).Select(e => e.Id).FirstAsync();
        });

    [Test]
    public async Task The_provider_sets_contracted_hours_and_prior_learning_and_the_audit_log_records_both()
    {
        var id = await EnrolmentAsync(fixedMinimum: false);
        using var provider = await SignInAsProviderAdminAsync();

        using var saved = await PostFormAsync(provider, $"/provider/enrolments/{id}/off-the-job-plan", Plan("22.5", "40", "Level 4 certificate in physiological measurement."));

        Assert.That(saved.RedirectTarget(), Is.EqualTo($"/provider/enrolments/{id}/off-the-job-plan?done=true"));
        var enrolment = await ProviderData.LoadEnrolmentAsync(Factory, id);
        Assert.That(enrolment.ContractedHoursPerWeek, Is.EqualTo(22.5m));
        Assert.That(enrolment.PriorLearningMinutes, Is.EqualTo(40 * 60));
        Assert.That(enrolment.PriorLearningReason, Is.EqualTo("Level 4 certificate in physiological measurement."));
        var actions = await ProviderData.QueryAsync(Factory, db => db.AuditEvents.Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync());
        Assert.That(actions, Does.Contain("enrolment.contracted-hours-set").And.Contain("enrolment.prior-learning-recorded"));
        var page = await AppFactory.ParseAsync(await provider.GetAsync($"/provider/enrolments/{id}/off-the-job-plan?done=true"));
        Assert.That(page.QuerySelector("#ContractedHoursPerWeek")?.GetAttribute("value"), Is.EqualTo("22.5"));
    }

    [TestCase("abc", "0", "", "ContractedHoursPerWeek", "as a number")]
    [TestCase("60", "0", "", "ContractedHoursPerWeek", "at most 48")]
    [TestCase("0", "0", "", "ContractedHoursPerWeek", "more than 0")]
    [TestCase("30", "-5", "", "PriorLearningHours", "zero hours or more")]
    [TestCase("30", "ten", "", "PriorLearningHours", "whole hours")]
    [TestCase("30", "10", " ", "PriorLearningReason", "reason")]
    public async Task A_refused_plan_shows_the_reason_at_its_field_and_saves_nothing(string hours, string priorLearning, string reason, string field, string message)
    {
        var id = await EnrolmentAsync(fixedMinimum: false);
        var before = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await PostFormAsync(provider, $"/provider/enrolments/{id}/off-the-job-plan", Plan(hours, priorLearning, reason));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector($"#{field}-error")?.TextContent, Does.Contain(message));
        var after = await ProviderData.LoadEnrolmentAsync(Factory, id);
        Assert.That((after.ContractedHoursPerWeek, after.PriorLearningMinutes, after.ConcurrencyStamp), Is.EqualTo((before.ContractedHoursPerWeek, before.PriorLearningMinutes, before.ConcurrencyStamp)));
    }

    [Test]
    public async Task Every_refused_field_is_shown_at_once_and_a_valid_field_beside_them_is_not_saved()
    {
        var id = await EnrolmentAsync(fixedMinimum: true);
        var before = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await PostFormAsync(provider, $"/provider/enrolments/{id}/off-the-job-plan", Plan("25", "10", "", minimum: "0"));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#PriorLearningReason-error"), Is.Not.Null);
        Assert.That(page.QuerySelector("#StandardMinimumHours-error")?.TextContent, Does.Contain("between 1 and"));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).ContractedHoursPerWeek, Is.EqualTo(before.ContractedHoursPerWeek));
    }

    [Test]
    public async Task Where_the_rules_ask_for_it_the_provider_sets_the_standard_s_minimum_and_the_plan_follows()
    {
        var id = await EnrolmentAsync(fixedMinimum: true);
        var before = await ProviderData.LoadEnrolmentAsync(Factory, id);
        var standardMinimum = await ProviderData.QueryAsync(Factory, db => db.Standards.Where(s => s.Id == before.StandardId).Select(s => s.OffTheJobMinimumHours).SingleAsync());
        using var provider = await SignInAsProviderAdminAsync();
        var form = await AppFactory.ParseAsync(await provider.GetAsync($"/provider/enrolments/{id}/off-the-job-plan"));
        Assert.That(form.QuerySelector("#StandardMinimumHours")?.GetAttribute("value"), Is.EqualTo(standardMinimum?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        try
        {
            using var saved = await PostFormAsync(provider, $"/provider/enrolments/{id}/off-the-job-plan", Plan(minimum: "512"));

            Assert.That(saved.RedirectTarget(), Does.EndWith("?done=true"));
            var page = await AppFactory.ParseAsync(await provider.GetAsync($"/provider/enrolments/{id}/off-the-job-plan"));
            Assert.That(page.QuerySelector("#plan-planned")?.TextContent.Trim(), Is.EqualTo(OffTheJobRules.Hours((512 * 60) - before.PriorLearningMinutes)));
            var actions = await ProviderData.QueryAsync(Factory, db => db.AuditEvents.Where(e => e.EntityId == before.StandardId).Select(e => e.Action).ToListAsync());
            Assert.That(actions, Does.Contain("standard.otj-minimum-set"));
        }
        finally
        {
            using (await PostFormAsync(provider, $"/provider/enrolments/{id}/off-the-job-plan", Plan(minimum: standardMinimum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""))) { }
        }
    }

    [Test]
    public async Task Before_the_2025_rules_the_page_does_not_ask_for_the_standard_s_minimum()
    {
        var id = await EnrolmentAsync(fixedMinimum: false);
        using var provider = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await provider.GetAsync($"/provider/enrolments/{id}/off-the-job-plan"));

        Assert.That(page.QuerySelector("#ContractedHoursPerWeek"), Is.Not.Null);
        Assert.That(page.QuerySelector("#StandardMinimumHours"), Is.Null);
    }

    [Test]
    public async Task The_enrolment_page_links_to_the_plan()
    {
        var id = await EnrolmentAsync(fixedMinimum: false);
        using var provider = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await provider.GetAsync($"/provider/enrolments/{id}"));

        Assert.That(page.QuerySelector("#otj-plan-link")?.GetAttribute("href"), Is.EqualTo($"/provider/enrolments/{id}/off-the-job-plan"));
    }

    [Test]
    public async Task Another_provider_s_enrolment_is_not_found_to_read_or_to_post()
    {
        var id = await ProviderData.AnyEnrolmentOfProviderBAsync(Factory);
        var mine = await EnrolmentAsync(fixedMinimum: false);
        var before = await ProviderData.LoadEnrolmentAsync(Factory, id);
        using var provider = await SignInAsProviderAdminAsync();
        var form = (await AppFactory.ParseAsync(await provider.GetAsync($"/provider/enrolments/{mine}/off-the-job-plan"))).QuerySelector("#otj-plan-form") as IHtmlFormElement;

        // The token and form name of the form of my own enrolment, sent to provider B's enrolment instead.
        form!.SetAttribute("action", $"/provider/enrolments/{id}/off-the-job-plan");
        using var read = await provider.GetAsync($"/provider/enrolments/{id}/off-the-job-plan");
        using var post = await Forms.PostAsync(provider, $"/provider/enrolments/{id}/off-the-job-plan", form, Plan("12"));

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProviderData.LoadEnrolmentAsync(Factory, id)).ContractedHoursPerWeek, Is.EqualTo(before.ContractedHoursPerWeek));
    }

    [Test]
    public async Task An_apprentice_and_an_assessor_are_refused()
    {
        var id = await EnrolmentAsync(fixedMinimum: false);
        using var apprentice = await SignInAsApprenticeAsync();
        using var assessor = await SignInAsAssessorAsync();

        using var byApprentice = await apprentice.GetAsync($"/provider/enrolments/{id}/off-the-job-plan");
        using var byAssessor = await assessor.GetAsync($"/provider/enrolments/{id}/off-the-job-plan");

        Assert.That(byApprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byAssessor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
