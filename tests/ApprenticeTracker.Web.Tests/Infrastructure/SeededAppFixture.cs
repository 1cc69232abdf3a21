using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>
/// A base for test fixtures that run against the demo data: one host with the demo data seeded once for the whole
/// fixture. Tests that change accounts (passwords, lockouts) or data other tests read make their own host with
/// <see cref="CreateSeededFactoryAsync"/>.
/// </summary>
public abstract class SeededAppFixture
{
    protected AppFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSeededHost() => Factory = await CreateSeededFactoryAsync(CreateFactory());

    [OneTimeTearDown]
    public void StopSeededHost() => Factory?.Dispose();

    /// <summary>The demo data seeded into <paramref name="factory"/>'s host, or a new one's; the caller disposes it.</summary>
    public static async Task<AppFactory> CreateSeededFactoryAsync(AppFactory? factory = null)
    {
        factory ??= new AppFactory();
        var prepared = await factory.SeedDemoDataAsync();
        if (!prepared.DemoDataSeeded)
        {
            factory.Dispose();
            throw new InvalidOperationException("The demo data was not seeded.");
        }

        return factory;
    }

    /// <summary>The host of the fixture, before seeding; a fixture that needs a differently configured host overrides it.</summary>
    protected virtual AppFactory CreateFactory() => new();

    /// <summary>A client signed in through the login form; it keeps cookies and does not follow redirects.</summary>
    protected Task<HttpClient> SignInAsync(string email, string password = DemoDataSeeder.DemoPassword) => Factory.SignInAsync(email, password);

    protected Task<HttpClient> SignInAsApprenticeAsync() => SignInAsync(DemoDataSeeder.ApprenticeEmail);

    protected Task<HttpClient> SignInAsAssessorAsync() => SignInAsync(DemoDataSeeder.AssessorEmail);

    protected Task<HttpClient> SignInAsProviderAdminAsync() => SignInAsync(DemoDataSeeder.ProviderEmail);

    protected Task<HttpClient> SignInAsProviderBAdminAsync() => SignInAsync(DemoDataSeeder.ProviderBAdminEmail);

    /// <summary>Posts a page's form with its antiforgery token and hidden fields; see <see cref="Forms.PostFormAsync"/>.</summary>
    protected static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<FormFile>? files = null) =>
        Forms.PostFormAsync(client, url, fields, files);
}
