using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// Reads the parts of an evidence form post that form binding does not: the checked duties and KSBs (one value each
/// under one name) and the chosen files.
/// </summary>
internal static class EvidenceFormPost
{
    public static IReadOnlyList<UploadedFile> Read(HttpContext? context, EvidenceFormModel form)
    {
        if (context is null || !context.Request.HasFormContentType)
        {
            return [];
        }

        var posted = context.Request.Form;
        form.DutyIds = Guids(posted[EvidenceFormModel.DutyIdsField]);
        form.KsbIds = Guids(posted[EvidenceFormModel.KsbIdsField]);
        form.PostedKeptFiles(posted[EvidenceFormModel.KeptFilesField].OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList());

        // A file input left empty still posts one part with no name and no content.
        return posted.Files
            .GetFiles(EvidenceFormModel.AttachmentsField)
            .Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Select(f => new UploadedFile(f.FileName, f.OpenReadStream))
            .ToList();
    }

    /// <summary>Ids as posted; a value that is not an id cannot be a duty, so it is kept as an id no duty has.</summary>
    private static List<Guid> Guids(IEnumerable<string?> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Distinct().ToList();
}
