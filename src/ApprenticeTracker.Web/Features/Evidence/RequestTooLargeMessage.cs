using System.Net;
using ApprenticeTracker.Web.Settings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// A form post bigger than the server accepts fails while its body is read, before any page runs. For the evidence
/// forms this answers 413 with a page that says what happened and what to do, instead of an error page.
/// </summary>
public sealed class RequestTooLargeMessage(RequestDelegate next, IOptions<EvidenceOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;

        // Read here, before antiforgery does: antiforgery would turn a form that is too large into a bare 400.
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Path.StartsWithSegments(EvidenceRoutes.List, StringComparison.Ordinal))
        {
            // Ten files of 20 MB must fit in one evidence form; every other request keeps the server's smaller limits.
            var limit = options.Value.MaxRequestBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }

            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (IsTooLarge(ex) && !context.Response.HasStarted)
            {
                await WriteMessageAsync(context);
                return;
            }
        }

        await next(context);
    }

    private async Task WriteMessageAsync(HttpContext context)
    {
        var limits = options.Value;
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(context.Request.Path.Value ?? EvidenceRoutes.List);
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>The files are too large – ApprenticeTracker</title></head>
            <body><main>
            <h1>The files are too large to send together</h1>
            <p>Nothing was saved. Each file can be up to {Domain.Evidence.Attachment.FormatSize(limits.MaxFileBytes)}, and an item of evidence can have up to {limits.MaxFilesPerItem} files.</p>
            <p><a href="{back}">Go back to the form</a>, choose fewer or smaller files, and save again. You can add more files later by changing the item.</p>
            </main></body></html>
            """,
            context.RequestAborted);
    }

    private static bool IsTooLarge(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        InvalidDataException data => data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase),
        _ => ex.InnerException is { } inner && IsTooLarge(inner),
    };
}
