using AngleSharp.Dom;
using ApprenticeTracker.Web.Features.Evidence;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>The evidence form's duty picker: the full list on a page load, filtered as the apprentice types in a circuit.</summary>
public sealed class DutyPickerTests
{
    private static readonly DutyChoice Duty1 = new() { Id = Guid.NewGuid(), Number = 1, Code = "D1", Statement = "Practise safely and follow procedures." };
    private static readonly DutyChoice Duty2 = new() { Id = Guid.NewGuid(), Number = 2, Code = "D2", Statement = "Communicate with patients and colleagues." };
    private static readonly DutyChoice Duty3 = new() { Id = Guid.NewGuid(), Number = 3, Code = "D3", Statement = "Support the safe use of medicines." };
    private static readonly DutyTally[] Tallies = [new(Duty1.Id, 2, 1, 0), new(Duty3.Id, 1, 0, 1)];

    [Test]
    public async Task Without_a_circuit_every_duty_is_listed_with_its_evidence_and_there_is_no_filter()
    {
        await using var context = Context(interactive: false);

        var picker = Render(context, Duty2.Id);

        Assert.That(Visible(picker), Is.EqualTo(new[] { "D1", "D2", "D3" }));
        Assert.That(picker.FindAll(".duty-tally").Select(t => t.TextContent), Is.EqualTo(new[] { "2 accepted, 1 waiting for review", "No evidence yet", "1 accepted, 1 referred back" }));
        Assert.That(picker.FindAll("#duty-filter"), Is.Empty);
        Assert.That(picker.FindAll("#duty-summary"), Is.Empty);
        Assert.That(picker.FindAll("input[name=DutyIds]").Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")), Is.EqualTo(new[] { Duty2.Id.ToString() }));
    }

    [Test]
    public async Task Typing_filters_the_duties_by_code_or_words_and_keeps_the_others_in_the_form()
    {
        await using var context = Context(interactive: true);
        var picker = Render(context);

        picker.Find("#duty-filter").Input("SAFE");

        Assert.That(Visible(picker), Is.EqualTo(new[] { "D1", "D3" }));
        Assert.That(picker.FindAll("input[name=DutyIds]"), Has.Count.EqualTo(3), "hidden duties are still in the form");
        picker.Find("#duty-filter").Input("d3 medicines");
        Assert.That(Visible(picker), Is.EqualTo(new[] { "D3" }));
    }

    [Test]
    public async Task A_chosen_duty_stays_in_sight_whatever_is_typed()
    {
        await using var context = Context(interactive: true);
        var picker = Render(context, Duty2.Id);

        picker.Find("#duty-filter").Input("medicines");

        Assert.That(Visible(picker), Is.EqualTo(new[] { "D2", "D3" }));
    }

    [Test]
    public async Task The_summary_says_what_is_chosen_and_the_evidence_the_choice_already_has()
    {
        await using var context = Context(interactive: true);
        var picker = Render(context);
        Assert.That(picker.Find("#duty-summary").TextContent, Does.StartWith("No duty chosen yet."));

        picker.Find("#duty-1").Change(true);
        picker.Find("#duty-3").Change(true);

        Assert.That(picker.Find("#duty-summary").TextContent, Is.EqualTo("2 duties chosen: D1, D3. Between them they have 3 accepted items so far."));
        picker.Find("#duty-1").Change(false);
        Assert.That(picker.Find("#duty-summary").TextContent, Is.EqualTo("1 duty chosen: D3. Between them they have 1 accepted item so far."));
    }

    [Test]
    public async Task When_nothing_matches_it_says_so_and_offers_every_duty_again()
    {
        await using var context = Context(interactive: true);
        var picker = Render(context);

        picker.Find("#duty-filter").Input("plumbing");
        Assert.That(Visible(picker), Is.Empty);
        Assert.That(picker.Find("#duty-list p").TextContent, Does.StartWith("No duty matches “plumbing”."));

        picker.Find("#duty-list p button").Click();

        Assert.That(Visible(picker), Is.EqualTo(new[] { "D1", "D2", "D3" }));
        Assert.That(picker.Find("#duty-filter").GetAttribute("value"), Is.Empty);
    }

    [Test]
    public async Task The_filter_box_belongs_to_no_form_so_it_is_never_posted_and_Enter_in_it_submits_nothing()
    {
        await using var context = Context(interactive: true);

        var picker = Render(context);

        Assert.That(picker.Find("#duty-filter").GetAttribute("form"), Is.Empty);
        Assert.That(picker.Find("#duty-filter").HasAttribute("name"), Is.False);
    }

    private static BunitContext Context(bool interactive)
    {
        var context = new BunitContext();
        context.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        return context;
    }

    private static IRenderedComponent<DutyPicker> Render(BunitContext context, params Guid[] selected) =>
        context.Render<DutyPicker>(p => p
            .Add(c => c.Duties, new[] { Duty1, Duty2, Duty3 })
            .Add(c => c.Tallies, Tallies)
            .Add(c => c.Selected, selected));

    private static List<string> Visible(IRenderedComponent<DutyPicker> picker) =>
        picker.FindAll("#duty-list .form-check").Where(d => !d.HasAttribute("hidden")).Select(d => d.QuerySelector("strong")!.TextContent).ToList();
}
