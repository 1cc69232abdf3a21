using ApprenticeTracker.Persistence.Standards;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApprenticeTracker.Persistence.Tests;

public class PersistenceExtensionsTests
{
    private string _contentRoot = null!;

    [SetUp]
    public void SetUp()
    {
        _contentRoot = Path.Combine(Path.GetTempPath(), "apprenticetracker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_contentRoot);
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Test]
    public void A_relative_data_path_is_resolved_against_the_content_root()
    {
        using var host = Build(new() { ["App:DataPath"] = "store" });

        var paths = host.Services.GetRequiredService<DataPaths>();

        Assert.Multiple(() =>
        {
            Assert.That(paths.Root, Is.EqualTo(Path.Combine(_contentRoot, "store")));
            Assert.That(paths.DatabaseFile, Is.EqualTo(Path.Combine(_contentRoot, "store", "apprenticetracker.db")));
            Assert.That(paths.FilesFolder, Is.EqualTo(Path.Combine(_contentRoot, "store", "files")));
            Assert.That(new SqliteConnectionStringBuilder(paths.ConnectionString).DataSource, Is.EqualTo(paths.DatabaseFile));
        });
    }

    [Test]
    public void The_data_path_defaults_to_data_and_a_connection_string_overrides_the_database()
    {
        var elsewhere = Path.Combine(_contentRoot, "elsewhere.db");
        using var host = Build(new() { ["ConnectionStrings:Default"] = $"Data Source={elsewhere}" });

        var paths = host.Services.GetRequiredService<DataPaths>();

        Assert.That(paths.Root, Is.EqualTo(Path.Combine(_contentRoot, "data")));
        var connection = new SqliteConnectionStringBuilder(paths.ConnectionString);
        Assert.That(connection.DataSource, Is.EqualTo(elsewhere));
    }

    [Test]
    public async Task Once_migrated_a_deleted_database_file_is_not_created_again_empty_by_a_later_query()
    {
        using var host = Build(new());
        var paths = host.Services.GetRequiredService<DataPaths>();
        await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(paths.Root, DataPaths.DatabaseFileName + "*"))
        {
            File.Delete(file);
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.That(async () => await db.Database.OpenConnectionAsync(), Throws.InstanceOf<SqliteException>());
        Assert.That(File.Exists(paths.DatabaseFile), Is.False);
    }

    [Test]
    public async Task Migrating_creates_the_data_folders_and_a_database_in_wal_mode_with_a_busy_timeout()
    {
        using var host = Build(new());
        var paths = host.Services.GetRequiredService<DataPaths>();

        await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(File.Exists(paths.DatabaseFile), Is.True);
            Assert.That(Directory.Exists(paths.FilesFolder), Is.True);
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(Pragma(db, "journal_mode"), Is.EqualTo("wal"));
            Assert.That(Pragma(db, "busy_timeout"), Is.EqualTo("5000"));
        });
    }

    [Test]
    public void The_layers_services_resolve()
    {
        using var host = Build(new());
        using var scope = host.Services.CreateScope();

        Assert.Multiple(() =>
        {
            Assert.That(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Is.Not.Null);
            Assert.That(scope.ServiceProvider.GetRequiredService<StandardImporter>(), Is.Not.Null);
            Assert.That(scope.ServiceProvider.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
        });
    }

    [Test]
    public void Evidence_files_are_kept_in_the_files_folder_of_the_data_path()
    {
        using var host = Build(new() { ["App:DataPath"] = "store" });

        var store = host.Services.GetRequiredService<ApprenticeTracker.Persistence.Files.EvidenceFileStore>();

        Assert.That(store.Root, Is.EqualTo(Path.Combine(_contentRoot, "store", "files")));
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPersistence();
        return builder.Build();
    }

    private static string Pragma(AppDbContext db, string name)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
