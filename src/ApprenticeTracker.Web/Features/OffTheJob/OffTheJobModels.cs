using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>One entry as lists show it.</summary>
public sealed record OffTheJobEntryRow(
    Guid Id, Guid EnrolmentId, string ApprenticeName, DateOnly ActivityDate, int Minutes, OffTheJobActivityKind Kind, string WhatWasLearnt,
    string? Reflection, OffTheJobEntryStatus Status, OffTheJobEntrySource Source, string? QueryReason, string? DecidedByName,
    Guid ConcurrencyStamp, IReadOnlyList<string> DutyCodes)
{
    /// <summary>The name of the entry's file; null when it has none.</summary>
    public string? AttachmentName { get; init; }
}

/// <summary>An apprentice's off-the-job page: the plan, the figures, the chart and the log.</summary>
public sealed record OffTheJobPageModel(
    Guid EnrolmentId, string ApprenticeName, string StandardDisplayReference, string? MinimumSource, string? PriorLearningReason,
    OffTheJobProgress Progress, IReadOnlyList<OffTheJobEntryRow> Entries, bool AcceptsEntries);

/// <summary>A duty or an evidence item the form offers.</summary>
public sealed record OffTheJobChoice(Guid Id, string Label);

/// <summary>What the log form offers: the enrolment's duties and evidence.</summary>
public sealed record OffTheJobFormChoices(IReadOnlyList<OffTheJobChoice> Duties, IReadOnlyList<OffTheJobChoice> Evidence);

/// <summary>The fields of the log and amend form.</summary>
public sealed class OffTheJobForm
{
    public const string DutyIdsField = OffTheJobEntry.Fields.DutyIds;
    public const string EvidenceIdsField = OffTheJobEntry.Fields.EvidenceIds;

    /// <summary>The file input's name and id; its refusals are shown beside it.</summary>
    public const string AttachmentField = OffTheJobEntry.Fields.Attachment;

    public string? ActivityDate { get; set; }

    public int? Hours { get; set; }

    public int? Minutes { get; set; }

    public string? Kind { get; set; }

    public string? WhatWasLearnt { get; set; }

    public string? Reflection { get; set; }

    public Guid? ConcurrencyStamp { get; set; }

    /// <summary>Ticked to remove the entry's file (a file chosen at the same time replaces it anyway).</summary>
    public bool RemoveAttachment { get; set; }

    /// <summary>Read from the post by <see cref="OffTheJobPost"/>: one value per checked box.</summary>
    public List<Guid> DutyIds { get; set; } = [];

    public List<Guid> EvidenceIds { get; set; } = [];

    public static OffTheJobForm From(OffTheJobEntryRow entry, IReadOnlyList<Guid> dutyIds, IReadOnlyList<Guid> evidenceIds) => new()
    {
        ActivityDate = entry.ActivityDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Hours = entry.Minutes / 60,
        Minutes = entry.Minutes % 60,
        Kind = entry.Kind.ToString(),
        WhatWasLearnt = entry.WhatWasLearnt,
        Reflection = entry.Reflection,
        ConcurrencyStamp = entry.ConcurrencyStamp,
        DutyIds = [.. dutyIds],
        EvidenceIds = [.. evidenceIds],
    };
}

/// <summary>A cohort as the taught-session page shows it, with the apprentices in learning who would each get an entry.</summary>
public sealed record CohortSessionModel(Guid CohortId, string CohortName, IReadOnlyList<CohortSessionApprentice> Apprentices);

/// <summary>An apprentice of the cohort in learning, and the day they started (a session before it is not theirs).</summary>
public sealed record CohortSessionApprentice(Guid EnrolmentId, string Name, DateOnly StartDate);

/// <summary>The fields of the cohort taught-session form; the kind is always a taught session.</summary>
public sealed class CohortSessionForm
{
    public string? ActivityDate { get; set; }

    public int? Hours { get; set; }

    public int? Minutes { get; set; }

    public string? WhatWasTaught { get; set; }

    /// <summary>The same fields as the apprentice's form, so that one reader reads both.</summary>
    public OffTheJobForm AsEntryForm() => new()
    {
        ActivityDate = ActivityDate, Hours = Hours, Minutes = Minutes, Kind = nameof(OffTheJobActivityKind.TaughtSession), WhatWasLearnt = WhatWasTaught,
    };
}

/// <summary>An assessor's or provider's decision on one entry.</summary>
public sealed class OffTheJobDecisionForm
{
    public const string Approve = "approve";
    public const string Query = "query";

    public string? Decision { get; set; }

    public string? Reason { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>Reads the checked boxes of a post, one value each under one name, which form binding does not.</summary>
internal static class OffTheJobPost
{
    public static List<Guid> Guids(HttpContext? context, string name) =>
        context is { Request.HasFormContentType: true }
            ? context.Request.Form[name].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Distinct().ToList()
            : [];

    public static List<string> Values(HttpContext? context, string name) =>
        context is { Request.HasFormContentType: true } ? context.Request.Form[name].Where(v => v is not null).Select(v => v!).ToList() : [];

    /// <summary>The file chosen in the form's file input; null when none (an empty input still posts one part with no name and no content).</summary>
    public static UploadedFile? File(HttpContext? context) =>
        context is { Request.HasFormContentType: true }
        && context.Request.Form.Files.GetFile(OffTheJobForm.AttachmentField) is { } file
        && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName))
            ? new UploadedFile(file.FileName, file.OpenReadStream)
            : null;
}
