using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Components.Forms;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

public sealed class EvidenceFormFieldsTests
{
    private static readonly DutyChoice Duty1 = new() { Id = Guid.NewGuid(), Number = 1, Code = "D1", Statement = "Practise safely." };
    private static readonly DutyChoice Duty2 = new() { Id = Guid.NewGuid(), Number = 2, Code = "D2", Statement = "Communicate well." };

    [Test]
    public async Task Every_input_has_a_label_bound_to_it()
    {
        var page = await RenderAsync(new EvidenceFormModel(), new FormErrors());

        var inputs = page.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        Assert.That(inputs, Has.Count.EqualTo(7));
        Assert.That(inputs.Select(i => page.QuerySelector($"label[for='{i.Id}']")), Has.None.Null);
    }

    [Test]
    public async Task There_is_one_check_box_per_duty_showing_its_code_and_full_statement_and_chosen_ones_stay_checked()
    {
        var page = await RenderAsync(new EvidenceFormModel { DutyIds = [Duty2.Id] }, new FormErrors());

        var boxes = page.QuerySelectorAll("input[type=checkbox][name=DutyIds]").OfType<IHtmlInputElement>().ToList();
        Assert.That(boxes.Select(b => b.Value), Is.EqualTo(new[] { Duty1.Id.ToString(), Duty2.Id.ToString() }));
        Assert.That(boxes.Select(b => b.IsChecked), Is.EqualTo(new[] { false, true }));
        Assert.That(page.QuerySelector("label[for=duty-1]")?.TextContent, Is.EqualTo("D1 Practise safely."));
    }

    [Test]
    public async Task A_refusal_is_shown_beside_its_field_and_marks_it_invalid_and_described()
    {
        var errors = new FormErrors();
        errors.Add("Title", "Enter the title.");

        var page = await RenderAsync(new EvidenceFormModel { Title = "" }, errors);

        var title = page.QuerySelector("#Title")!;
        Assert.That(page.QuerySelector("#Title-error")?.TextContent, Is.EqualTo("Error: Enter the title."));
        Assert.That(page.QuerySelector("#Title-error")?.ParentElement, Is.SameAs(title.ParentElement));
        Assert.That(title.ClassList, Does.Contain("is-invalid"));
        Assert.That(title.GetAttribute("aria-describedby")?.Split(' '), Does.Contain("Title-error"));
        Assert.That(page.QuerySelector("#ActivityDate")!.ClassList, Does.Not.Contain("is-invalid"));
    }

    [Test]
    public async Task After_a_refusal_the_files_kept_are_offered_ticked_each_with_its_name_and_size()
    {
        var form = new EvidenceFormModel();
        form.Keep([new KeptFile("token-1", "scan.png", "2 KB"), new KeptFile("token-2", "notes.pdf", "1 MB")]);

        var page = await RenderAsync(form, new FormErrors());

        var boxes = page.QuerySelectorAll(".kept-files input[type=checkbox]").OfType<IHtmlInputElement>().ToList();
        Assert.That(boxes.Select(b => (b.Name, b.Value, b.IsChecked)), Is.EqualTo(new[] { ("KeptFiles", "token-1", true), ("KeptFiles", "token-2", true) }));
        Assert.That(page.QuerySelectorAll(".kept-files label").Select(l => l.TextContent), Is.EqualTo(new[] { "scan.png (2 KB)", "notes.pdf (1 MB)" }));
        Assert.That(page.QuerySelector(".kept-files legend")?.TextContent, Is.EqualTo("Files kept from your last try"));
    }

    [Test]
    public async Task What_was_typed_is_shown_again()
    {
        var form = new EvidenceFormModel { Title = "My title", Type = nameof(EvidenceType.CaseStudy), ActivityDate = "2026-03-04", Description = "Line one\nLine two" };

        var page = await RenderAsync(form, new FormErrors());

        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("My title"));
        Assert.That((page.QuerySelector("#Type") as IHtmlSelectElement)?.Value, Is.EqualTo("CaseStudy"));
        Assert.That(page.QuerySelector("#ActivityDate")?.GetAttribute("value"), Is.EqualTo("2026-03-04"));
        Assert.That(page.QuerySelector("#Description")?.TextContent, Is.EqualTo("Line one\nLine two"));
    }

    [Test]
    public async Task The_KSB_section_is_left_out_when_the_standard_has_none_and_shown_when_it_has()
    {
        var without = await RenderAsync(new EvidenceFormModel(), new FormErrors());
        var with = await RenderAsync(new EvidenceFormModel(), new FormErrors(), [new KsbChoice { Id = Guid.NewGuid(), Code = "K1", Detail = "Knows the law." }]);

        Assert.That(without.QuerySelector("fieldset#KsbIds"), Is.Null);
        Assert.That(with.QuerySelectorAll("fieldset#KsbIds input[type=checkbox]"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Attached_files_are_listed_each_with_a_remove_button()
    {
        var item = Guid.NewGuid();
        var file = new AttachmentRow { Id = Guid.NewGuid(), EvidenceItemId = item, FileName = "scan.pdf", SizeBytes = 2048 };

        var page = await RenderAsync(new EvidenceFormModel(), new FormErrors(), attachments: [file]);

        var button = page.QuerySelector(".attachments button[name='Form.RemoveAttachmentId']");
        Assert.That(button?.GetAttribute("value"), Is.EqualTo(file.Id.ToString()));
        Assert.That(button?.TextContent, Does.Contain("scan.pdf"));
        Assert.That(page.QuerySelector(".attachments a")?.GetAttribute("href"), Is.EqualTo(EvidenceRoutes.Attachment(item, file.Id)));
    }

    private static Task<IHtmlDocument> RenderAsync(EvidenceFormModel form, FormErrors errors, IReadOnlyList<KsbChoice>? ksbs = null, IReadOnlyList<AttachmentRow>? attachments = null) =>
        ComponentRendering.RenderAsync<EvidenceFormFields>(new()
        {
            [nameof(EvidenceFormFields.Form)] = form,
            [nameof(EvidenceFormFields.Choices)] = new EvidenceFormChoices { StandardDisplayReference = "ST0413 v1.1", Duties = [Duty1, Duty2], Ksbs = ksbs ?? [] },
            [nameof(EvidenceFormFields.Errors)] = errors,
            [nameof(EvidenceFormFields.ExistingAttachments)] = attachments ?? [],
        });
}
