using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Pdf;

namespace ApprenticeTracker.Reports;

/// <summary>Whose review a <see cref="ProgressReviewPdf"/> is: the names its pages show beside the record.</summary>
public sealed record ProgressReviewParties(string ApprenticeName, string EmployerName, string TrainingProviderName, string Standard);

/// <summary>
/// Lays out one progress review as a PDF, its paper copy: the record, the actions agreed, each party's signature (name,
/// capacity, date and time) or decline with its reason, and any addenda.
/// </summary>
public static class ProgressReviewPdf
{
    private static readonly TextStyle Label = TextStyle.Body with { Weight = FontWeight.Bold, SpaceAfter = 2 };
    private static readonly TextStyle Note = TextStyle.Body with { Size = 9, Colour = Colour.FromHex("#505a5f") };

    /// <summary>"Progress review 21 Nov 2026 – Łucja Wójcik.pdf" without characters a file name cannot hold.</summary>
    public static string FileName(ProgressReviewParties parties, ProgressReview review)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(review);
        var name = $"progress-review-{review.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{parties.ApprenticeName}";
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '-' : c)) + ".pdf";
    }

    /// <summary>A signature's moment as the service's people read it: "21 Nov 2026 at 14:05" (UK time).</summary>
    public static string When(DateTimeOffset at)
    {
        var local = ServiceClock.LocalTime(at);
        return $"{Dates.Display(local)} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static RenderedPdf Render(ProgressReviewParties parties, ProgressReview review, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(review);
        var document = new PdfDocument(PageSetup.A4Portrait)
            .Footer(new PageBand { Centre = page => $"{parties.ApprenticeName} · progress review {Dates.Display(review.HeldOn)} · Page {page.Number.ToString(CultureInfo.InvariantCulture)} of {page.Count.ToString(CultureInfo.InvariantCulture)}", Rule = true });
        document.Info.Title = $"Progress review: {parties.ApprenticeName}, {Dates.Display(review.HeldOn)}";
        document.Info.Author = parties.TrainingProviderName;
        document.Info.Subject = parties.Standard;
        document.Info.Creator = "ApprenticeTracker";
        document.Info.CreationDate = madeAt;

        document
            .Heading("Progress review", 1, TextStyle.Body with { Size = 22, Weight = FontWeight.Bold, SpaceAfter = 4 })
            .Paragraph(parties.ApprenticeName, TextStyle.Body with { Size = 16, SpaceAfter = 12 })
            .Table([TableColumn.Fixed(150), TableColumn.Relative()], table =>
            {
                table.HeaderBackground = null;
                table.RowHeaders = true;
                table.Row(new TableCell("Apprentice", Label), parties.ApprenticeName);
                table.Row(new TableCell("Employer", Label), parties.EmployerName);
                table.Row(new TableCell("Training provider", Label), parties.TrainingProviderName);
                table.Row(new TableCell("Standard", Label), parties.Standard);
                table.Row(new TableCell("Held on", Label), Dates.Display(review.HeldOn));
                table.Row(new TableCell("Drafted by", Label), $"{review.DraftedByName}, {When(review.DraftedAt)}");
                table.Row(new TableCell("Status", Label), review.IsComplete ? $"Complete: signed by all three parties ({When(review.CompletedAt!.Value)})" : "Waiting for signatures");
                table.Row(new TableCell("Next review", Label), Dates.Display(review.NextReviewOn));
                if (review.AgreedIntervalWeeks is { } weeks)
                {
                    table.Row(new TableCell("Agreed interval", Label), $"{weeks.ToString(CultureInfo.InvariantCulture)} weeks: {review.AgreedIntervalReason}");
                }
            })
            .Spacer(8);

        Section(document, "Progress against the actions agreed last time", review.ProgressAgainstActions ?? "None recorded (first review).");
        Section(document, "Training delivered since the last review", review.TrainingSince);
        Section(document, "Off-the-job training", string.Create(CultureInfo.InvariantCulture,
            $"Planned by the review: {OffTheJobRules.Hours(review.OffTheJobPlannedMinutes)} hours. Approved in the log: {OffTheJobRules.Hours(review.OffTheJobActualMinutes)} hours.")
            + (review.OffTheJobSlippage is { } slippage ? $" Slippage: {slippage}" : string.Empty));
        Section(document, "Progress by duty", review.DutyProgress);
        Section(document, "Concerns raised by the apprentice", review.ApprenticeConcerns ?? "None raised.");
        Section(document, "Concerns raised by the employer", review.EmployerConcerns ?? "None raised.");
        Section(document, "Concerns raised by the training provider", review.ProviderConcerns ?? "None raised.");
        Section(document, "Changes of circumstance", review.ChangesOfCircumstance ?? "None.");
        Section(document, "Changes to the training plan", review.TrainingPlanChanges ?? "None.");
        Section(document, "Wellbeing and safeguarding check", "Done." + (review.WellbeingNotes is { } notes ? $" {notes}" : string.Empty));

        document.Heading("Actions agreed for next time", 2)
            .Table([TableColumn.Relative(3), TableColumn.Relative(1), TableColumn.Fixed(90)], table =>
            {
                table.HeaderRow("Action", "Owner", "By");
                foreach (var action in review.Actions)
                {
                    table.Row(action.Description, action.Owner.DisplayName(), Dates.Display(action.DueOn));
                }
            });

        document.Heading("Signatures", 2)
            .Table([TableColumn.Fixed(110), TableColumn.Relative(2), TableColumn.Relative(2)], table =>
            {
                table.HeaderRow("Party", "Name", "Signed");
                foreach (var party in ReviewPartyNames.All)
                {
                    var response = review.ResponseOf(party);
                    table.Row(
                        party.DisplayName(),
                        response is null ? "Not yet signed" : $"{response.Name}, {response.Capacity}",
                        response switch
                        {
                            null => "",
                            { IsDeclined: true } => $"Declined {When(response.At)}: {response.DeclineReason}",
                            _ => $"Signed {When(response.At)}",
                        });
                }
            });
        if (review.Signatures.FirstOrDefault(s => !s.IsDeclined)?.Declaration is { } declaration)
        {
            document.Paragraph($"Each signatory confirmed with their password: \u201c{declaration}\u201d", Note);
        }

        if (review.Addenda.Count > 0)
        {
            document.Heading("Addenda", 2);
            foreach (var addendum in review.Addenda)
            {
                document.Paragraph($"{addendum.ByName}, {When(addendum.At)}", Label).Paragraph(addendum.Text);
            }
        }

        return document.Render();
    }

    /// <summary>A heading and its text, a paragraph for each line the writer began.</summary>
    private static void Section(PdfDocument document, string heading, string text)
    {
        document.Heading(heading, 2);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            document.Paragraph(line);
        }
    }
}
