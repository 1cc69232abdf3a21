using System.Globalization;
using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ApprenticeTracker.Web.Tests.Features.Account;

/// <summary>Sign-in attempts are limited per client address, besides the per-account lockout.</summary>
public sealed class SignInThrottleTests
{
    [Test]
    public async Task With_the_default_settings_the_eleventh_attempt_in_a_minute_answers_429_and_says_when_to_try_again()
    {
        using var factory = await SeededAppFixture.CreateSeededFactoryAsync(new AppFactory { SignInAttemptsPerMinute = null });
        using var client = factory.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var wrong = await SignIn.PostLoginAsync(client, $"nobody-{attempt}@example.org", "not the password at all");
            statuses.Add(wrong.StatusCode);
        }

        using var throttled = await SignIn.PostLoginAsync(client, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword);

        var page = await AppFactory.ParseAsync(throttled);
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK), "the first ten are checked, and refused as wrong");
        Assert.That(throttled.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(retryAfter, Is.InRange(1, 60));
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Too many attempts to sign in"));
        Assert.That(page.Body?.TextContent, Does.Contain($"Try again in {SignInThrottle.Describe(retryAfter)}."));
        Assert.That(throttled.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="), "the right password is not even checked");
        Assert.That(throttled.Headers.GetValues("Content-Security-Policy"), Is.Not.Empty);
    }

    [Test]
    public async Task Attempts_count_per_client_address_and_showing_the_form_does_not_count()
    {
        using var factory = new AppFactory { SignInAttemptsPerMinute = 3 };
        var first = IPAddress.Parse("203.0.113.7");
        var second = IPAddress.Parse("203.0.113.8");
        var firstStatuses = new List<int>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            firstStatuses.Add(await PostFromAsync(factory, first));
        }

        var shown = await SendFromAsync(factory, first, HttpMethods.Get);
        var secondStatus = await PostFromAsync(factory, second);

        // A post without its antiforgery token is refused by the page (400) once the throttle lets it through.
        Assert.That(firstStatuses, Is.EqualTo(new[] { 400, 400, 400, 429 }));
        Assert.That(shown, Is.EqualTo(200));
        Assert.That(secondStatus, Is.EqualTo(400));
    }

    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7")]
    [TestCase("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_address_counts_as_itself_and_IPv6_by_its_64_bit_network(string address, string key)
    {
        Assert.That(SignInThrottle.ClientKey(IPAddress.Parse(address)), Is.EqualTo(key));
    }

    [TestCase(1, "1 second")]
    [TestCase(45, "45 seconds")]
    [TestCase(60, "1 minute")]
    [TestCase(61, "2 minutes")]
    public void The_wait_is_said_in_words_and_never_shorter_than_it_is(int seconds, string words)
    {
        Assert.That(SignInThrottle.Describe(seconds), Is.EqualTo(words));
    }

    private static Task<int> PostFromAsync(AppFactory factory, IPAddress address) => SendFromAsync(factory, address, HttpMethods.Post);

    private static async Task<int> SendFromAsync(AppFactory factory, IPAddress address, string method)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = SignIn.LoginUrl;
            c.Connection.RemoteIpAddress = address;
            if (HttpMethods.IsPost(method))
            {
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream("Input.Email=a%40example.org&Input.Password=x&_handler=login"u8.ToArray());
            }
        });
        return context.Response.StatusCode;
    }
}
