using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// <c>GET /off-the-job/{id}/attachment</c>: an entry's file, to those who see the entry's log (the apprentice, their
/// assessors and their provider, through <see cref="AccessScopes.Enrolments"/>), as a download
/// (<see cref="FileDownload"/>); 404 for an entry outside their scope or without a file. Employers see hours, not
/// the log, so their role is refused.
/// </summary>
public static class OffTheJobAttachmentEndpoint
{
    public static IEndpointRouteBuilder MapOffTheJobAttachment(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OffTheJobRoutes.AttachmentTemplate, DownloadAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Apprentice, Roles.Assessor, Roles.ProviderAdmin));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, CurrentUser user, IDbContextFactory<AppDbContext> contexts, EvidenceFileStore files, HttpContext context, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visible = AccessScopes.Enrolments(db, user).Select(e => e.Id);
        var file = await db.OffTheJobEntries.AsNoTracking()
            .Where(x => x.Id == id && x.Attachment != null && visible.Contains(x.EnrolmentId))
            .Select(x => x.Attachment)
            .SingleOrDefaultAsync(ct);
        return file is null
            ? Results.NotFound()
            : FileDownload.Send(context, files, file.FileName, file.ContentType, file.StorageKey);
    }
}
