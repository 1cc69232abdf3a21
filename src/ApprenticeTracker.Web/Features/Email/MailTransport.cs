using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>Hands a finished message to whatever delivers it.</summary>
public interface IMailTransport
{
    /// <exception cref="MailDeliveryException">The message was not delivered; says whether trying again could help.</exception>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>A failed delivery. <see cref="Permanent"/> when the server refused the message for good (an SMTP 5xx reply).</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>Delivers over SMTP with MailKit, one connection per batch of the sender.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        client.Timeout = (int)TimeSpan.FromSeconds(60).TotalMilliseconds;
        try
        {
            var security = settings.UseTls switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.Implicit => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException e)
        {
            // 5xx: the server will not take this message, however often it is offered; 4xx: try later.
            var code = (int)e.StatusCode;
            throw new MailDeliveryException(
                string.Create(CultureInfo.InvariantCulture, $"The mail server answered {code}: {e.Message}"), permanent: code >= 500, e);
        }
        catch (Exception e) when (e is SmtpProtocolException or AuthenticationException or SocketException or IOException
            or ServiceNotConnectedException or SslHandshakeException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new MailDeliveryException($"The mail server could not be reached or broke off: {e.Message}", permanent: false, e);
        }
    }
}

/// <summary>
/// Development without an SMTP server: writes each message as an <c>.eml</c> file under <c>&lt;DataPath&gt;/mail</c>,
/// which any mail program opens, and logs where.
/// </summary>
public sealed class MailFolderTransport(DataPaths paths, ILogger<MailFolderTransport> log) : IMailTransport
{
    public const string FolderName = "mail";

    public string Folder => Path.Combine(paths.Root, FolderName);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var stamp = message.Date.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var file = Path.Combine(Folder, $"{stamp}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml");
        await message.WriteToAsync(file, ct);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("Mail to {Recipient} ({Subject}) written to {File}", message.To.ToString(), message.Subject, file);
        }
    }
}
