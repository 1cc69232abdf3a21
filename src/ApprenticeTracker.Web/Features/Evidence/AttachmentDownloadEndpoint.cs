using ApprenticeTracker.Persistence.Files;
using Microsoft.Net.Http.Headers;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// <c>GET /evidence/{id}/attachments/{attachmentId}</c>: the file, to whoever may see the item (through
/// <see cref="AccessScopes.Evidence"/>), always as a download and never sniffed; 404 for anyone else.
/// </summary>
public static class AttachmentDownloadEndpoint
{
    public static IEndpointRouteBuilder MapAttachmentDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(EvidenceRoutes.AttachmentTemplate, DownloadAsync)
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, Guid attachmentId, CurrentUser user, IDbContextFactory<AppDbContext> contexts, EvidenceFileStore files, HttpContext context, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attachment = await (
                from a in db.Attachments.AsNoTracking()
                join item in AccessScopes.Evidence(db, user) on a.EvidenceItemId equals item.Id
                where a.Id == attachmentId && item.Id == id
                select new { a.FileName, a.ContentType, a.StorageKey })
            .SingleOrDefaultAsync(ct);
        if (attachment is null || !files.Exists(attachment.StorageKey))
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentDisposition = ContentDisposition(DownloadName(attachment.FileName, attachment.ContentType));
        return Results.Stream(files.OpenRead(attachment.StorageKey), attachment.ContentType, enableRangeProcessing: false);
    }

    /// <summary>
    /// The stored name; plain text stored before text was always named <c>.txt</c> gets the extension here, so that no
    /// text is ever opened as a web page or a program because of its name.
    /// </summary>
    internal static string DownloadName(string fileName, string contentType) =>
        AttachmentFileName.IsPlainText(contentType) && !fileName.EndsWith(AttachmentFileName.PlainTextExtension, StringComparison.OrdinalIgnoreCase)
            ? fileName + AttachmentFileName.PlainTextExtension
            : fileName;

    /// <summary>
    /// <c>attachment</c> with an ASCII fallback <c>filename</c> and the exact name as RFC 6266/5987 <c>filename*</c>
    /// in UTF-8, so that "Łucja's reflection.pdf" arrives as written.
    /// </summary>
    internal static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }
}
