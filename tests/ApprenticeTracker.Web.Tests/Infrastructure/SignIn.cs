using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using ApprenticeTracker.Web.Features.Account;

namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>Signs in through the real <c>/Account/Login</c> form, antiforgery token and all.</summary>
public static class SignIn
{
    public const string LoginUrl = AccountRoutes.Login;

    /// <summary>
    /// A client signed in as <paramref name="email"/>: it keeps its cookies and does not follow redirects.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sign-in was refused; the message says what the page said.</exception>
    public static async Task<HttpClient> SignInAsync(this AppFactory factory, string email, string password = DemoDataSeeder.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await AppFactory.ParseAsync(response);
            var said = page.QuerySelector(".error-summary")?.TextContent.Trim() ?? $"status {(int)response.StatusCode}";
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {email} was refused: {said}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form and returns the answer as it is (a redirect when it worked).</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, bool rememberMe = false, string url = LoginUrl)
    {
        List<KeyValuePair<string, string>> fields = [new("Input.Email", email), new("Input.Password", password)];
        if (rememberMe)
        {
            fields.Add(new("Input.RememberMe", "true"));
        }

        return Forms.PostFormAsync(client, url, fields);
    }
}
