using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>A file to post with a form.</summary>
/// <param name="Field">The name of the file input, for example <c>Attachments</c>.</param>
public sealed record FormFile(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");

/// <summary>Posts forms the way a browser does: from the page, with its antiforgery token and hidden fields.</summary>
public static class Forms
{
    /// <summary>The form a page's own content holds, not the sign-out form in the header.</summary>
    public const string MainForm = "main form";

    /// <summary>
    /// GETs <paramref name="url"/>, takes the form chosen by <paramref name="formSelector"/> with its hidden fields
    /// (the antiforgery token and the form name among them), sets <paramref name="fields"/> over them, and posts it to
    /// its action, as multipart when it has files or the form says so. Repeated names (check boxes) are all sent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The page answered with an error or has no such form.</exception>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string url,
        IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<FormFile>? files = null,
        string formSelector = MainForm)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(url);
        if (!page.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)page.StatusCode} {page.Headers.Location}, not a page with a form.");
        }

        var document = await AppFactory.ParseAsync(page);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"{url} has no form matching '{formSelector}'.");
        return await PostAsync(client, url, form, fields, files);
    }

    /// <summary>Posts a form already read from a page, as <see cref="PostFormAsync"/> does.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string pageUrl, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<FormFile>? files = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var given = fields.ToList();
        var givenNames = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = form.QuerySelectorAll("input[type=hidden]")
            .OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && !givenNames.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(given)
            .ToList();

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        var fileList = files?.ToList() ?? [];
        var multipart = fileList.Count > 0 || string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        using HttpContent content = multipart ? Multipart(values, fileList) : new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token of the form chosen by <paramref name="formSelector"/> on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url, string formSelector = MainForm)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = await AppFactory.ParseAsync(await client.GetAsync(url));
        return document.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token in '{formSelector}'.");
    }

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> values, List<FormFile> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return content;
    }
}
