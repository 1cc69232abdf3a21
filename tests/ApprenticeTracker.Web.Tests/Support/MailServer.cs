using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// A real SMTP server in the test process (netDumbster) on a free port; what it receives is read back with MimeKit.
/// </summary>
public sealed class MailServer : IDisposable
{
    private readonly SimpleSmtpServer _server;

    public MailServer(int? port = null)
    {
        Port = port ?? FreePort();
        _server = SimpleSmtpServer.Start(Port);
    }

    public int Port { get; }

    /// <summary>The settings that point the app at this server, over plain SMTP, polled often.</summary>
    public Dictionary<string, string> AppSettings() => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:UseTls"] = "None",
        ["Email:From"] = "ApprenticeTracker <no-reply@tracker.test>",
        ["Email:PollInterval"] = "00:00:00.200",
        ["App:PublicBaseUrl"] = "https://tracker.test",
    };

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Received =>
        _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Unstuff(m.Data))))).ToList();

    /// <summary>The messages to <paramref name="address"/> received so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null, Func<Task>? nudge = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (nudge is not null)
            {
                await nudge();
            }

            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No matching mail arrived within the time allowed; received: {string.Join(" | ", Received.Select(m => m.To + ": " + m.Subject))}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The first link in a message's plain text that starts with <paramref name="prefix"/>.</summary>
    public static string LinkIn(MimeMessage message, string prefix)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? string.Empty;
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), () => $"no link starting {prefix} in: {text}");
        var end = text.IndexOfAny(['\r', '\n', ' '], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>
    /// Undoes SMTP's dot-stuffing (RFC 5321 4.5.2), which netDumbster leaves in the data: a line the client began
    /// with two dots began with one.
    /// </summary>
    private static string Unstuff(string data) => data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal);

    public void Clear() => _server.ClearReceivedEmail();

    public void Dispose() => _server.Stop();

    /// <summary>A port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
