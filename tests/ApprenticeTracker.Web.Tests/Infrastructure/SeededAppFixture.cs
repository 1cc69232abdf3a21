using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>
/// A base for test fixtures that run against the demo data: one host with the demo data seeded once for the whole
/// fixture. Tests that change accounts (passwords, lockouts) or data other tests read make their own host with
/// <see cref="CreateSeededFactoryAsync"/>. Every such fixture runs twice, on SQLite and on PostgreSQL
/// (<see cref="Databases"/>); the PostgreSQL run is skipped, with the reason, when no server is set (<see cref="TestPostgres"/>).
/// </summary>
[TestFixtureSource(typeof(SeededAppFixture), nameof(Databases))]
public abstract class SeededAppFixture
{
    private const string DatabaseProperty = "Database";

    /// <summary>The fixture parameter: the database the fixture's host runs on, named in the fixture's name.</summary>
    public static IEnumerable<TestFixtureData> Databases =>
        Enum.GetValues<DatabaseProvider>().Select(provider =>
        {
            var data = new TestFixtureData().SetArgDisplayNames(provider.ToString());
            data.Properties.Set(DatabaseProperty, provider.ToString());
            return data;
        });

    protected AppFactory Factory { get; private set; } = null!;

    /// <summary>The database this run of the fixture uses.</summary>
    protected DatabaseProvider Database { get; private set; }

    [OneTimeSetUp]
    public async Task StartSeededHost()
    {
        Database = TestContext.CurrentContext.Test.Properties.Get(DatabaseProperty) is string name
            ? Enum.Parse<DatabaseProvider>(name)
            : DatabaseProvider.Sqlite;
        Factory = await CreateSeededFactoryAsync(CreateFactory());
    }

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

    /// <summary>
    /// The host of the fixture, before seeding; a fixture that needs a differently configured host overrides it, and
    /// passes <see cref="Database"/> on.
    /// </summary>
    protected virtual AppFactory CreateFactory() => new() { Database = Database };

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
