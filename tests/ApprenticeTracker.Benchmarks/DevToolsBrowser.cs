using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// One headless Chromium kept open and driven through the DevTools protocol over its websocket, as a service that
/// prints HTML to PDF at scale would keep it: started once, then each document is a navigation and a
/// <c>Page.printToPDF</c> in the same tab.
/// </summary>
internal sealed partial class DevToolsBrowser : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _receiveBuffer = new byte[64 * 1024];
    private string _sessionId = string.Empty;
    private int _nextId;

    private DevToolsBrowser(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts Chromium with a fresh profile, connects to it and opens a blank tab.</summary>
    public static async Task<DevToolsBrowser> StartAsync(string chromium)
    {
        var profile = Directory.CreateTempSubdirectory("apprenticetracker-chromium-warm-");
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var browser = new DevToolsBrowser(process, profile);
        try
        {
            _ = process.StandardOutput.ReadToEndAsync();
            // Chromium announces its DevTools endpoint on standard error; the rest of that stream is drained unread.
            string? endpoint = null;
            using var timeout = new CancellationTokenSource(Timeout);
            while (endpoint is null && await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                endpoint = Listening().Match(line) is { Success: true } match ? match.Groups[1].Value : null;
            }

            _ = process.StandardError.ReadToEndAsync();
            if (endpoint is null)
            {
                throw new InvalidOperationException("Chromium did not announce its DevTools endpoint.");
            }

            await browser._socket.ConnectAsync(new Uri(endpoint), timeout.Token);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false);
            var attached = await browser.SendAsync("Target.attachToTarget",
                new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, session: false);
            browser._sessionId = attached["sessionId"]!.GetValue<string>();
            await browser.SendAsync("Page.enable", new JsonObject());
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="page"/> in the tab, waits for its load event and prints it as a tagged PDF, with
    /// Chromium's print header and footer as the command line's <c>--print-to-pdf</c> draws them.
    /// </summary>
    public async Task<byte[]> PrintAsync(Uri page)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = page.AbsoluteUri }, until: "Page.loadEventFired");
        var printed = await SendAsync("Page.printToPDF", new JsonObject
        {
            ["generateTaggedPDF"] = true,
            ["displayHeaderFooter"] = true,
            ["printBackground"] = true,
            ["preferCSSPageSize"] = true,
        });
        return Convert.FromBase64String(printed["data"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _profile.Delete(recursive: true);
    }

    /// <summary>Sends a command and reads messages until its reply and, when <paramref name="until"/> is given, that event of the tab.</summary>
    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, bool session = true, string? until = null)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session)
        {
            command["sessionId"] = _sessionId;
        }

        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        JsonNode? result = null;
        var eventSeen = until is null;
        while (result is null || !eventSeen)
        {
            var message = await ReceiveAsync(timeout.Token);
            if (message["id"]?.GetValue<int>() == id)
            {
                result = message["error"] is { } error
                    ? throw new InvalidOperationException($"Chromium refused {method}: {error.ToJsonString()}")
                    : message["result"]!;
            }
            else if (until is not null && message["method"]?.GetValue<string>() == until && message["sessionId"]?.GetValue<string>() == _sessionId)
            {
                eventSeen = true;
            }
        }

        return result;
    }

    private async Task<JsonNode> ReceiveAsync(CancellationToken cancellationToken)
    {
        // A printed PDF arrives as one message of several hundred kilobytes of base64, in many frames.
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(_receiveBuffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            message.Write(_receiveBuffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        message.Position = 0;
        return JsonNode.Parse(message) ?? throw new JsonException("Chromium sent an empty DevTools message.");
    }

    [GeneratedRegex("DevTools listening on (ws://\\S+)")]
    private static partial Regex Listening();
}
