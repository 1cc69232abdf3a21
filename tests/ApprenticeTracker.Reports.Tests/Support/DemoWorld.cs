using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence.Standards;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Reports.Tests.Support;

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Counts the commands EF Core runs, to show that a query count does not grow with the data.</summary>
public sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// An SQLite database in memory, built by the real migrations, with ST0413 v1.1 imported and the demo data seeded
/// by the real <see cref="DemoDataSeeder"/>. It lives as long as its connection, which this holds open.
/// </summary>
public sealed class DemoWorld : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private readonly DbContextOptions<AppDbContext> _options;
    private ServiceProvider? _services;

    private DemoWorld(string filesFolder)
    {
        Connection = new SqliteConnection("DataSource=:memory:");
        Connection.Open();
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(Connection).AddInterceptors(Commands).Options;
        Files = new Persistence.Files.EvidenceFileStore(filesFolder, filesFolder + "-staging");
        FilesFolder = filesFolder;
    }

    public SqliteConnection Connection { get; }

    public FixedClock Clock { get; } = new(Now);

    /// <summary>Counts the SQL commands run through contexts of this world.</summary>
    public CommandCounter Commands { get; } = new();

    public Persistence.Files.EvidenceFileStore Files { get; }

    public string FilesFolder { get; }

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ApprenticeTracker.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("The repository root (with ApprenticeTracker.sln) was not found above the test's folder.");
        }
    }

    public static async Task<DemoWorld> CreateAsync()
    {
        var world = new DemoWorld(Path.Combine(Path.GetTempPath(), "reports-tests-" + Guid.NewGuid().ToString("N")));
        await using (var db = world.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(world.Clock);
        services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(world.Connection));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        services.AddTransient<StandardImporter>();
        services.AddScoped<DemoDataSeeder>();
        world._services = services.BuildServiceProvider();
        var imported = await world._services.GetRequiredService<StandardImporter>()
            .ImportFileAsync(Path.Combine(RepositoryRoot, "samples", "standards", "ST0413-v1.1.json"), Actor.System, CancellationToken.None);
        Assert.That(imported.Succeeded, Is.True, imported.Error);
        using var scope = world._services.CreateScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None), Is.True);
        return world;
    }

    public AppDbContext CreateDbContext() => new(_options);

    public EpaReportBuilder Builder() => new(this, Files, Clock);

    /// <summary>The enrolment id of the demo apprentice with this email address.</summary>
    public Guid EnrolmentOf(string email)
    {
        using var db = CreateDbContext();
        return db.Enrolments.Where(e => db.Apprentices.Any(a => a.Id == e.ApprenticeId && a.Email == email)).Select(e => e.Id).Single();
    }

    /// <summary>The enrolment id of the demo apprentice with this full name.</summary>
    public Guid EnrolmentOfName(string givenName, string familyName)
    {
        using var db = CreateDbContext();
        return db.Enrolments
            .Where(e => db.Apprentices.Any(a => a.Id == e.ApprenticeId && a.GivenName == givenName && a.FamilyName == familyName))
            .Select(e => e.Id).Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Connection.DisposeAsync();
        foreach (var folder in new[] { FilesFolder, FilesFolder + "-staging" })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
