using Microsoft.AspNetCore.WebUtilities;

namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// Buffers the body of every multipart request (a form with files) in the data folder's <c>tmp/</c> instead of the
/// system's temporary folder, where ASP.NET would put its <c>ASPNETCORE_*.tmp</c> files. The buffer is deleted when the
/// request ends; one left by a crash is removed by the sweep. The form reader then reads the files out of this
/// buffer and makes no temporary files of its own.
/// </summary>
public static class UploadBuffering
{
    /// <summary>Up to this much of a body stays in memory, as with ASP.NET's own buffering.</summary>
    private const int MemoryThreshold = 64 * 1024;

    public static Task BufferInDataFolder(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true && !request.Body.CanSeek)
        {
            var folder = context.RequestServices.GetRequiredService<DataPaths>().TempFolder;
            Directory.CreateDirectory(folder);

            // No limit of its own: the server's request size limit (raised for evidence forms) still applies as it reads.
            var buffered = new FileBufferingReadStream(request.Body, MemoryThreshold, bufferLimit: null, tempFileDirectory: folder);
            context.Response.RegisterForDisposeAsync(buffered);
            request.Body = buffered;
        }

        return next(context);
    }
}
