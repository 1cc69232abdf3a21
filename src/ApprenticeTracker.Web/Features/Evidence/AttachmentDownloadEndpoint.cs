using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// <c>GET /evidence/{id}/attachments/{attachmentId}</c>: the file, to whoever may see the item (through
/// <see cref="AccessScopes.Evidence"/>), always as a download and never sniffed (<see cref="FileDownload"/>); 404 for
/// anyone else.
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
        return attachment is null
            ? Results.NotFound()
            : FileDownload.Send(context, files, attachment.FileName, attachment.ContentType, attachment.StorageKey);
    }
}
