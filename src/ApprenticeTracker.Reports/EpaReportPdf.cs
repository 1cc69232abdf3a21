using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Pdf;

namespace ApprenticeTracker.Reports;

/// <summary>
/// Lays out an <see cref="EpaReport"/> as a PDF: cover, summary (progress chart, gateway checklist and off-the-job training), one section
/// per duty (each a bookmark) and the appendix of accepted evidence.
/// </summary>
public static class EpaReportPdf
{
    private const double ThumbnailWidth = 140;

    private static readonly Colour Accepted = Colour.FromHex("#00703c");
    private static readonly Colour Submitted = Colour.FromHex("#1d70b8");
    private static readonly Colour ReferredBack = Colour.FromHex("#d4351c");
    private static readonly Colour Muted = Colour.FromHex("#505a5f");

    private static readonly TextStyle Small = TextStyle.Body with { Size = 8.5 };
    private static readonly TextStyle Label = TextStyle.Body with { Weight = FontWeight.Bold, SpaceAfter = 2 };
    private static readonly TextStyle Note = TextStyle.Body with { Size = 9, Colour = Muted };

    /// <summary>The footer line of every page, for example "Łucja Wójcik · ST0413 v1.1 · Page 2 of 9".</summary>
    public static string FooterText(EpaReport report, int page, int pages)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"{report.ApprenticeName} · {report.Standard.DisplayReference} · Page {page} of {pages}");
    }

    /// <summary>Renders the report.</summary>
    public static RenderedPdf Render(EpaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new PdfDocument(PageSetup.A4Portrait)
            .Footer(new PageBand { Centre = page => FooterText(report, page.Number, page.Count), Rule = true });
        document.Info.Title = $"{ReportTerms.ReportTitle}: {report.ApprenticeName}";
        document.Info.Author = report.TrainingProviderName;
        document.Info.Subject = $"{report.Standard.DisplayReference} {report.Standard.Title}";
        document.Info.Creator = "ApprenticeTracker";
        document.Info.CreationDate = report.ReportDate;

        Cover(document, report);
        Summary(document, report);
        foreach (var duty in report.Duties)
        {
            DutySection(document, duty);
        }

        ProgressReviews(document, report);
        Appendix(document, report);
        return document.Render();
    }

    private static void Cover(PdfDocument document, EpaReport report)
    {
        document
            .Heading(ReportTerms.ReportTitle, 1, TextStyle.Body with { Size = 24, Weight = FontWeight.Bold, SpaceAfter = 4 })
            .Paragraph(report.ApprenticeName, TextStyle.Body with { Size = 18, SpaceAfter = 18 })
            .Table([TableColumn.Fixed(150), TableColumn.Relative()], table =>
            {
                table.HeaderBackground = null;
                table.RowHeaders = true;
                table.Row(new TableCell("Apprentice", Label), $"{report.ApprenticeName} ({report.ApprenticeEmail})");
                if (report.Uln is not null)
                {
                    table.Row(new TableCell("Unique learner number", Label), report.Uln);
                }

                table.Row(new TableCell("Employer", Label), report.EmployerName);
                table.Row(new TableCell("Training provider", Label), report.TrainingProviderUkprn is null
                    ? report.TrainingProviderName
                    : $"{report.TrainingProviderName} (UKPRN {report.TrainingProviderUkprn})");
                table.Row(new TableCell("Standard", Label), $"{report.Standard.DisplayReference}: {report.Standard.Title}");
                table.Row(new TableCell("Level", Label), report.Standard.Level.ToString(CultureInfo.InvariantCulture));
                if (report.CohortName is not null)
                {
                    table.Row(new TableCell("Cohort", Label), report.CohortName);
                }

                table.Row(new TableCell("Start date", Label), Dates.Display(report.StartDate));
                table.Row(new TableCell("Planned end date", Label), Dates.Display(report.PlannedEndDate));
                table.Row(new TableCell("Status", Label), report.Status.DisplayName());
                table.Row(new TableCell(report.Assessors.Count == 1 ? "Assessor" : "Assessors", Label),
                    report.Assessors.Count == 0 ? "None assigned" : string.Join(", ", report.Assessors));
                table.Row(new TableCell("Report date", Label), Dates.Display(report.ReportDate));
            })
            .Spacer(12)
            .Paragraph(
                $"This report sets out the evidence and duty sign-offs recorded for {report.ApprenticeName} on {report.Standard.DisplayReference}, "
                + $"for the {ReportTerms.EndPointAssessment.ToLowerInvariant()} organisation and for audit. Draft evidence is not included.",
                Note)
            .PageBreak();
    }

    private static void Summary(PdfDocument document, EpaReport report)
    {
        var progress = report.Progress;
        document
            .Heading("Summary")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{progress.DutiesSignedOff} of {progress.TotalDuties} duties signed off ({progress.PercentSignedOff}%)."),
                TextStyle.Body with { Weight = FontWeight.Bold })
            // No alternative text: the bar is decoration, because the sentence just above says its figures.
            .Canvas(14, canvas => canvas
                .FillRectangle(0, 0, canvas.Width, 10, Colour.LightGrey)
                .FillRectangle(0, 0, canvas.Width * progress.PercentSignedOff / 100, 10, Accepted))
            .Heading("Evidence per duty", 2);

        var rows = progress.Duties;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(d => d.Accepted + d.Submitted + d.ReferredBack));
        const double rowHeight = 18;
        const double legendHeight = 20;
        document.Canvas(legendHeight + (rows.Count * rowHeight), canvas =>
        {
            const double labelWidth = 32;
            const double statusWidth = 90;
            var barWidth = canvas.Width - labelWidth - statusWidth - 8;
            double x = 0;
            foreach (var (name, colour) in new[] { ("Accepted", Accepted), ("Submitted", Submitted), ("Referred back", ReferredBack) })
            {
                canvas.FillRectangle(x, 2, 9, 9, colour).Text(name, x + 13, 1, Small);
                x += 95;
            }

            var y = legendHeight;
            foreach (var duty in rows)
            {
                canvas.Text(duty.Duty.Code, 0, y + 2, Small with { Weight = FontWeight.Bold });
                canvas.FillRectangle(labelWidth, y + 2, barWidth, 11, Colour.LightGrey);
                var left = labelWidth;
                foreach (var (count, colour) in new[] { (duty.Accepted, Accepted), (duty.Submitted, Submitted), (duty.ReferredBack, ReferredBack) })
                {
                    var width = barWidth * count / max;
                    canvas.FillRectangle(left, y + 2, width, 11, colour);
                    left += width;
                }

                canvas.Text(duty.IsSignedOff ? "Signed off" : ReportTerms.NotSignedOff, canvas.Width, y + 2,
                    Small with { Alignment = TextAlignment.Right, Weight = duty.IsSignedOff ? FontWeight.Bold : FontWeight.Regular });
                y += rowHeight;
            }
        }, EvidenceChartText(rows));
        document.Paragraph("Bars show the submitted, accepted and referred-back evidence mapped to each duty.", Note);

        document
            .Heading(ReportTerms.GatewayReadiness, 2)
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{report.Gateway.MetCount} of {report.Gateway.Checks.Count} items met: {(report.Gateway.IsReady ? "ready for " + ReportTerms.Gateway.ToLowerInvariant() : "not yet ready for " + ReportTerms.Gateway.ToLowerInvariant())}."))
            .Table([TableColumn.Relative(3), TableColumn.Fixed(60), TableColumn.Relative(3)], table =>
            {
                table.HeaderRow("Item", "Status", "Detail");
                foreach (var check in report.Gateway.Checks)
                {
                    table.Row(check.Label, new TableCell(check.IsMet ? "Met" : "Not met", TextStyle.Body with { Weight = FontWeight.Bold, Colour = check.IsMet ? Accepted : ReferredBack }), check.Detail);
                }
            });
        if (report.EmployerAgreement is { } agreement)
        {
            document.Paragraph($"The employer's declaration, agreed by {agreement.AgreedByName} on {Dates.Display(agreement.AgreedAt)}: \u201c{agreement.Declaration}\u201d", Note);
        }

        OffTheJob(document, report.OffTheJob);
        document.PageBreak();
    }

    private static void OffTheJob(PdfDocument document, ReportOffTheJob offTheJob)
    {
        var p = offTheJob.Progress;
        document
            .Heading("Off-the-job training", 2)
            .Table([TableColumn.Relative(3), TableColumn.Relative(2)], table =>
            {
                table.HeaderBackground = null;
                table.RowHeaders = true;
                table.Row(new TableCell("Planned hours", Label), p.PlannedMinutes is { } planned ? OffTheJobRules.Hours(planned) : "Not known: the standard's minimum is not recorded");
                table.Row(new TableCell("Approved hours", Label), OffTheJobRules.Hours(p.ApprovedMinutes));
                table.Row(new TableCell("Waiting for approval", Label), OffTheJobRules.Hours(p.WaitingMinutes));
                table.Row(new TableCell("Planned to date", Label), OffTheJobRules.Hours(p.PlannedToDateMinutes));
            })
            .Paragraph(OffTheJobBasis(offTheJob), Note);
        OffTheJobLines(document, "Approved hours by kind of activity", "Kind", offTheJob.ByKind);
        OffTheJobLines(document, "Approved hours by duty", "Duty", offTheJob.ByDuty);
    }

    /// <summary>Where the planned hours come from, in words.</summary>
    public static string OffTheJobBasis(ReportOffTheJob offTheJob)
    {
        ArgumentNullException.ThrowIfNull(offTheJob);
        var plan = offTheJob.Progress.Plan;
        var text = plan.Rules.Summary;
        if (plan.Rules.Basis == OffTheJobPlanBasis.FixedMinimumPerStandard && offTheJob.MinimumSource is not null)
        {
            text += $" The standard's minimum: {offTheJob.MinimumSource}.";
        }

        if (plan.PriorLearningMinutes > 0)
        {
            text += $" Reduced by {OffTheJobRules.Hours(plan.PriorLearningMinutes)} hours for recognised prior learning"
                + (offTheJob.PriorLearningReason is null ? "." : $": {offTheJob.PriorLearningReason}");
        }

        return text;
    }

    private static void OffTheJobLines(PdfDocument document, string heading, string column, IReadOnlyList<ReportOffTheJobLine> lines)
    {
        document.Paragraph(heading, Label);
        if (lines.Count == 0)
        {
            document.Paragraph("No approved hours yet.", Note);
            return;
        }

        document.Table([TableColumn.Relative(3), TableColumn.Fixed(80)], table =>
        {
            table.HeaderRow(column, "Hours");
            foreach (var line in lines)
            {
                table.Row(line.Heading, OffTheJobRules.Hours(line.Minutes));
            }
        });
    }

    private static void DutySection(PdfDocument document, DutySection duty)
    {
        document
            .Heading($"{duty.Code}: {Shorten(duty.Statement, 70)}")
            .Paragraph(duty.Statement, TextStyle.Body with { Size = 11 })
            .Heading("Sign-off", 2);
        if (duty.SignOff is { } signOff)
        {
            SignOffBlock(document, signOff, "Signed off");
        }
        else
        {
            document.Paragraph(ReportTerms.NotSignedOff + ".", TextStyle.Body with { Weight = FontWeight.Bold });
        }

        foreach (var revoked in duty.Revoked)
        {
            SignOffBlock(document, revoked, "Revoked sign-off");
        }

        document.Heading("Evidence mapped to this duty", 2);
        if (duty.Evidence.Count == 0)
        {
            document.Paragraph("No submitted evidence is mapped to this duty.", Note);
        }
        else
        {
            document.Table(
                [TableColumn.Fixed(68), TableColumn.Relative(3), TableColumn.Relative(1.6), TableColumn.Fixed(70), TableColumn.Relative(2.2)],
                table =>
                {
                    table.BodyStyle = Small;
                    table.HeaderStyle = Small with { Weight = FontWeight.Bold };
                    table.HeaderRow("Date", "Title", "Type", "Status", "Decision");
                    foreach (var row in duty.Evidence)
                    {
                        table.Row(Dates.Display(row.ActivityDate), row.Title, row.Type.DisplayName(), row.Status.DisplayName(), Decision(row.LatestDecision));
                    }
                });
        }

        document.PageBreak();
    }

    private static void SignOffBlock(PdfDocument document, SignOffRecord signOff, string title)
    {
        document.Table([TableColumn.Fixed(110), TableColumn.Relative()], table =>
        {
            table.HeaderBackground = null;
            table.RowHeaders = true;
            table.Row(new TableCell(title, Label), $"by {signOff.AssessorName} on {Dates.Display(signOff.SignedAt)}");
            table.Row(new TableCell("Declaration", Label), signOff.Declaration);
            table.Row(new TableCell("Rests on", Label), signOff.RestsOn.Count == 0
                ? "No evidence recorded"
                : string.Join("\n", signOff.RestsOn.Select(e => $"{e.Title} ({Dates.Display(e.ActivityDate)})")));
            if (signOff.RevokedAt is { } revokedAt)
            {
                table.Row(new TableCell("Revoked", Label, Colour.FromHex("#fbe9e7")), new TableCell($"by {signOff.RevokedByName} on {Dates.Display(revokedAt)}", null, Colour.FromHex("#fbe9e7")));
                table.Row(new TableCell("Reason", Label, Colour.FromHex("#fbe9e7")), new TableCell(signOff.RevocationReason ?? string.Empty, null, Colour.FromHex("#fbe9e7")));
            }
        });
        document.Spacer(6);
    }

    private static void ProgressReviews(PdfDocument document, EpaReport report)
    {
        document.Heading("Progress reviews");
        if (report.ProgressReviews.Count == 0)
        {
            document.Paragraph("No progress review has been recorded.", Note).PageBreak();
            return;
        }

        document.Table([TableColumn.Fixed(80), TableColumn.Fixed(110), TableColumn.Relative()], table =>
        {
            table.HeaderRow("Held on", "Status", "Signatories");
            foreach (var review in report.ProgressReviews)
            {
                table.Row(
                    Dates.Display(review.HeldOn),
                    review.CompletedAt is null ? "Waiting for signatures" : $"Complete; next by {Dates.Display(review.NextReviewOn)}",
                    review.Signatures.Count == 0
                        ? "Not yet signed"
                        : string.Join("; ", review.Signatures.Select(s => s.DeclineReason is null
                            ? $"{s.Party}: {s.Name}, {s.Capacity}, signed {ProgressReviewPdf.When(s.At)}"
                            : $"{s.Party}: {s.Name}, {s.Capacity}, declined {ProgressReviewPdf.When(s.At)} ({s.DeclineReason})")));
            }
        });
        document.PageBreak();
    }

    private static void Appendix(PdfDocument document, EpaReport report)
    {
        document.Heading("Appendix: accepted evidence");
        if (report.Appendix.Count == 0)
        {
            document.Paragraph("No evidence has been accepted yet.", Note);
            return;
        }

        var first = true;
        foreach (var item in report.Appendix)
        {
            if (!first)
            {
                document.HorizontalRule(0.5, Colour.LightGrey).Spacer(4);
            }

            first = false;
            document
                .Heading(item.Title, 2)
                .Paragraph(string.Create(CultureInfo.InvariantCulture,
                    $"{item.Type.DisplayName()} · {Dates.Display(item.ActivityDate)} · {string.Join(", ", item.DutyCodes)}{(item.RevisionNumber > 1 ? $" · revision {item.RevisionNumber}" : string.Empty)}"),
                    Note)
                .Paragraph(string.IsNullOrWhiteSpace(item.Description) ? "No description given." : item.Description);
            if (item.Reviews.Count > 0)
            {
                document.Paragraph("Feedback history", Label);
                document.BulletList(item.Reviews.Select(r => $"{Dates.Display(r.ReviewedAt)}, {r.AssessorName}: {r.Decision switch { ReviewDecision.Accepted => "accepted", _ => "referred back" }}{(string.IsNullOrWhiteSpace(r.Feedback) ? "." : $". \u201c{r.Feedback}\u201d")}"), Small);
            }

            if (item.Attachments.Count > 0)
            {
                document.Paragraph("Attachments", Label);
                document.Table([TableColumn.Relative(2), TableColumn.Fixed(55), TableColumn.Relative(3)], table =>
                {
                    table.BodyStyle = Small;
                    table.HeaderStyle = Small with { Weight = FontWeight.Bold };
                    table.HeaderRow("File", "Size", "SHA-256");
                    foreach (var file in item.Attachments)
                    {
                        table.Row(file.FileName, Attachment.FormatSize(file.SizeBytes), file.Sha256);
                    }
                });
                foreach (var file in item.Attachments.Where(f => f.Thumbnail is not null))
                {
                    try
                    {
                        document.Image(file.Thumbnail!.Value.ToArray(), ThumbnailWidth, alternativeText: $"The attached image {file.FileName}.");
                        document.Paragraph(file.FileName, Note);
                    }
                    catch (ArgumentException)
                    {
                        // An image the writer cannot draw (corrupt or truncated data, a 12-bit JPEG) stays listed with its hash above.
                        document.Paragraph($"{file.FileName}: the image could not be shown.", Note);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The evidence chart in words, as its alternative text: for example "Evidence per duty. D1: 3 accepted, 1 submitted,
    /// 0 referred back; signed off. D2: …".
    /// </summary>
    internal static string EvidenceChartText(IReadOnlyList<DutyProgress> duties) => duties.Count == 0
        ? "Evidence per duty: the standard has no duties."
        : "Evidence per duty. " + string.Join(" ", duties.Select(d => string.Create(CultureInfo.InvariantCulture,
            $"{d.Duty.Code}: {d.Accepted} accepted, {d.Submitted} submitted, {d.ReferredBack} referred back; {(d.IsSignedOff ? "signed off" : ReportTerms.NotSignedOff.ToLowerInvariant())}.")));

    private static string Decision(ReviewRecord? review) => review is null
        ? "Awaiting review"
        : $"{(review.Decision == ReviewDecision.Accepted ? "Accepted" : "Referred back")} by {review.AssessorName}, {Dates.Display(review.ReviewedAt)}";

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', length) is var space and > 20 ? space : length), "…");
}
