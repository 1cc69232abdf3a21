using ApprenticeTracker.Persistence.Files;
using Microsoft.Net.Http.Headers;

namespace ApprenticeTracker.Web.Files;

/// <summary>
/// The one way a stored file is sent: always as a download under its stored name, never sniffed by the browser. The
/// endpoint that calls it has already found the row through the access scopes; a file missing from the store is 404.
/// </summary>
public static class FileDownload
{
    public static IResult Send(HttpContext context, EvidenceFileStore files, string fileName, string contentType, string storageKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        if (!files.Exists(storageKey))
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentDisposition = ContentDisposition(DownloadName(fileName, contentType));
        return Results.Stream(files.OpenRead(storageKey), contentType, enableRangeProcessing: false);
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
