using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>
/// What a mail says, before it is written out as plain text and HTML: a greeting, paragraphs, optional quoted lines
/// (feedback, a reason) and one link to the page in the app. Every value is encoded in the HTML.
/// </summary>
public sealed record MailContent(string Subject, string Greeting, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Quote, MailLink? Link)
{
    /// <summary>The plain-text body.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        text.Append(Greeting).Append("\r\n\r\n");
        foreach (var paragraph in Paragraphs)
        {
            text.Append(paragraph).Append("\r\n\r\n");
        }

        foreach (var line in Quote)
        {
            text.Append("> ").Append(line).Append("\r\n");
        }

        if (Quote.Count > 0)
        {
            text.Append("\r\n");
        }

        if (Link is { } link)
        {
            text.Append(link.Text).Append(":\r\n").Append(link.Url).Append("\r\n\r\n");
        }

        text.Append(Footer).Append("\r\n");
        return text.ToString();
    }

    /// <summary>The HTML body: plain markup with inline styles, as mail programs ignore style sheets.</summary>
    public string Html()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(Subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212529\">");
        html.Append("<p>").Append(E(Greeting)).Append("</p>");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>");
        }

        if (Quote.Count > 0)
        {
            html.Append("<blockquote style=\"border-left:4px solid #adb5bd;margin:0 0 1em;padding-left:1em\">");
            html.Append(string.Join("<br>", Quote.Select(E)));
            html.Append("</blockquote>");
        }

        if (Link is { } link)
        {
            html.Append("<p><a href=\"").Append(E(link.Url)).Append("\">").Append(E(link.Text)).Append("</a></p>");
        }

        html.Append("<p style=\"color:#6c757d;font-size:14px\">").Append(E(Footer)).Append("</p></body></html>");
        return html.ToString();
    }

    private const string Footer =
        "This message was sent by ApprenticeTracker. You can choose which messages you receive, and receive them in a daily digest, on your account page.";

    /// <summary>The first lines of a longer text (feedback, a reason), at most <paramref name="maxLines"/> and about 400 characters.</summary>
    public static IReadOnlyList<string> FirstLines(string? text, int maxLines = 3)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0).ToList();
        var kept = lines.Take(maxLines).Select(l => l.Length > 400 ? l[..400] + "…" : l).ToList();
        if (lines.Count > maxLines)
        {
            kept[^1] += " …";
        }

        return kept;
    }
}

/// <summary>A link to a page of the app, absolute.</summary>
public sealed record MailLink(string Text, string Url);

/// <summary>Settings of the links in mail (section <c>App</c>).</summary>
public sealed class PublicLinkOptions
{
    /// <summary>The address people reach the app at, such as <c>https://tracker.example.org</c>; links in mail start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Makes the absolute addresses of the app's pages that mails link to.</summary>
public sealed class PublicLinks(IOptions<PublicLinkOptions> options)
{
    /// <summary>The absolute address of <paramref name="pathAndQuery"/>, which starts with a slash.</summary>
    public string To(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        return options.Value.PublicBaseUrl.TrimEnd('/') + pathAndQuery;
    }
}
