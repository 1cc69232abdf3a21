using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Components.Forms;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

public sealed class SignOffFormViewTests
{
    private static readonly SignOffCandidate Observation = new()
    {
        Id = Guid.NewGuid(),
        Title = "Observed calibration of the blood gas analyser",
        Type = EvidenceType.Observation,
        ActivityDate = new DateOnly(2026, 9, 3),
        ReviewedAt = new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.Zero),
    };

    private static readonly SignOffCandidate Reflection = new()
    {
        Id = Guid.NewGuid(),
        Title = "Reflective account: my first independent ECG clinic",
        Type = EvidenceType.ReflectiveAccount,
        ActivityDate = new DateOnly(2026, 10, 1),
        ReviewedAt = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero),
    };

    [Test]
    public async Task Each_accepted_item_is_a_labelled_check_box_and_the_chosen_ones_stay_ticked()
    {
        var form = new SignOffForm { EvidenceIds = [Reflection.Id] };

        var page = await RenderAsync(Model(Observation, Reflection), form);

        var boxes = page.QuerySelectorAll("input[type=checkbox]").ToList();
        Assert.That(boxes.Select(b => b.GetAttribute("name")), Is.All.EqualTo("Form.EvidenceIds"));
        Assert.That(boxes.Select(b => b.GetAttribute("value")), Is.EqualTo(new[] { Observation.Id.ToString(), Reflection.Id.ToString() }));
        Assert.That(boxes.Select(b => b.HasAttribute("checked")), Is.EqualTo(new[] { false, true }));
        var labels = boxes.Select(b => page.QuerySelector($"label[for='{b.Id}']")?.TextContent).ToList();
        Assert.That(labels[0], Does.Contain(Observation.Title).And.Contain("Observation, activity on 3 Sep 2026, accepted 10 Sep 2026"));
        Assert.That(labels[1], Does.Contain(Reflection.Title));
    }

    [Test]
    public async Task The_declaration_is_shown_verbatim_above_the_signature()
    {
        var model = Model(Observation);

        var page = await RenderAsync(model, new SignOffForm());

        Assert.That(page.QuerySelector(".declaration")?.TextContent, Is.EqualTo(model.Declaration));
        Assert.That(page.QuerySelector("button[type=submit]")?.TextContent.Trim(), Is.EqualTo("Sign off D4"));
    }

    [Test]
    public async Task The_password_is_a_labelled_password_field_that_never_echoes_what_was_typed()
    {
        var form = new SignOffForm { Password = "Demo-password-2026" };

        var page = await RenderAsync(Model(Observation), form);

        var password = page.QuerySelector("input#password")!;
        Assert.That(password.GetAttribute("type"), Is.EqualTo("password"));
        Assert.That(password.GetAttribute("name"), Is.EqualTo("Form.Password"));
        Assert.That(password.GetAttribute("autocomplete"), Is.EqualTo("current-password"));
        Assert.That(password.HasAttribute("value"), Is.False);
        Assert.That(page.QuerySelector("label[for=password]")?.TextContent, Is.EqualTo("Your password"));
        Assert.That(page.DocumentElement.OuterHtml, Does.Not.Contain("Demo-password-2026"));
    }

    [Test]
    public async Task A_refused_password_is_shown_beside_the_field_and_the_field_points_to_it()
    {
        var form = new SignOffForm();
        var context = new EditContext(form);
        var problems = FormErrors.Of(nameof(SignOffForm.Password), "The password is not right. Enter the password you sign in with.").LinkTo(SignOffFormView.Inputs);
        problems.ShowIn(context);

        var page = await RenderAsync(Model(Observation), form, context, problems);

        var password = page.QuerySelector("input#password")!;
        Assert.That(password.ClassList, Does.Contain("is-invalid"));
        Assert.That(password.GetAttribute("aria-invalid"), Is.EqualTo("true"));
        Assert.That(password.GetAttribute("aria-describedby")?.Split(' '), Is.EqualTo(new[] { "password-hint", "password-error" }));
        Assert.That(page.QuerySelector("#password-error.invalid-feedback")?.TextContent, Is.EqualTo("The password is not right. Enter the password you sign in with."));
        Assert.That(page.QuerySelectorAll("input[type=checkbox].is-invalid"), Is.Empty);
    }

    [Test]
    public async Task With_no_accepted_evidence_the_form_says_so_where_the_check_boxes_would_be()
    {
        var page = await RenderAsync(Model(), new SignOffForm());

        Assert.That(page.QuerySelectorAll("input[type=checkbox]"), Is.Empty);
        Assert.That(page.QuerySelector("fieldset #evidence")?.TextContent, Does.Contain("No accepted evidence is mapped to D4 yet"));
    }

    [Test]
    public async Task The_form_posts_back_the_stamp_it_was_opened_with()
    {
        var stamp = Guid.NewGuid();

        var page = await RenderAsync(Model(Observation), new SignOffForm { ConcurrencyStamp = stamp });

        var form = page.QuerySelector("form")!;
        Assert.That(form.GetAttribute("method"), Is.EqualTo("post"));
        Assert.That(form.QuerySelector("input[type=hidden][name='Form.ConcurrencyStamp']")?.GetAttribute("value"), Is.EqualTo(stamp.ToString()));
    }

    private static SignOffModel Model(params SignOffCandidate[] candidates) => new()
    {
        Apprentice = new ApprenticeHeading
        {
            EnrolmentId = Guid.NewGuid(),
            GivenName = "Łucja",
            FamilyName = "Wójcik",
            EmployerName = "Northbridge Teaching Hospitals NHS Foundation Trust",
            Standard = "ST0413 v1.1",
            Status = EnrolmentStatus.Active,
        },
        DutyId = Guid.NewGuid(),
        DutyCode = "D4",
        DutyStatement = "Communicate with others using techniques that facilitate understanding.",
        Declaration = "I confirm that Łucja Wójcik has demonstrated competence in duty D4 of ST0413 v1.1 (“Communicate with others using techniques that facilitate understanding.”), and that the evidence I have chosen is valid, authentic, current and sufficient.",
        ConcurrencyStamp = Guid.NewGuid(),
        Candidates = candidates,
    };

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(SignOffModel model, SignOffForm form, EditContext? context = null, FormErrors? problems = null)
    {
        context ??= new EditContext(form);
        problems ??= new FormErrors().LinkTo(SignOffFormView.Inputs);
        return ComponentRendering.RenderAsync<SignOffFormView>(new Dictionary<string, object?>
        {
            [nameof(SignOffFormView.Model)] = model,
            [nameof(SignOffFormView.Form)] = form,
            [nameof(SignOffFormView.EditContext)] = context,
            [nameof(SignOffFormView.Problems)] = problems,
        });
    }
}
