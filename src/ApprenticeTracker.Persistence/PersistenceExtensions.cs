using ApprenticeTracker.Persistence.Auditing;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence.Standards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Persistence;

/// <summary>Registers the persistence layer with a host.</summary>
public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <see cref="AppOptions"/>, <see cref="DataPaths"/>, the <see cref="AppDbContext"/> factory (and a scoped
    /// context for ASP.NET Core Identity's stores), the evidence file store and its sweeper, backups, the standard importer, the
    /// database initialiser, the audit chain's verifier and the demo data seeder.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AppOptions>().Bind(builder.Configuration.GetSection(AppOptions.SectionName));
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName));

        // Resolved when first needed, not now, so that configuration added later (tests, hosting) still counts.
        builder.Services.TryAddSingleton(sp => DataPaths.Resolve(
            sp.GetRequiredService<IOptions<AppOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Default"),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        builder.Services.AddPersistenceServices((sp, options) => ConfigureDatabase(options, sp.GetRequiredService<DataPaths>()));
        builder.Services.TryAddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<DataPaths>();
            return new EvidenceFileStore(paths.FilesFolder, paths.StagingFolder);
        });
        builder.Services.TryAddTransient<FileSweeper>();
        builder.Services.TryAddTransient<Backups.DataBackup>();
        return builder;
    }

    /// <summary>The services of this layer, given how to reach the database; hosts call <see cref="AddPersistence"/>.</summary>
    internal static IServiceCollection AddPersistenceServices(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configureDatabase)
    {
        services.AddDbContextFactory<AppDbContext>(configureDatabase);

        // Identity's EF stores take a context from the container; it comes from the same factory.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<StandardImporter>();
        services.TryAddTransient<DatabaseInitializer>();
        services.TryAddTransient<AuditChainVerifier>();
        services.TryAddTransient<Copying.DatabaseCopier>();
        services.TryAddScoped<DemoDataSeeder>();
        services.TryAddTransient<LargeDemoDataSeeder>();
        return services;
    }

    /// <summary>The assembly holding the PostgreSQL migrations (the usual EF layout: one migrations assembly per provider).</summary>
    public const string PostgreSqlMigrationsAssembly = "ApprenticeTracker.Persistence.PostgreSql";

    /// <summary>The database <paramref name="paths"/> names, SQLite or PostgreSQL.</summary>
    public static DbContextOptionsBuilder ConfigureDatabase(DbContextOptionsBuilder options, DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Provider == DatabaseProvider.PostgreSql
            ? ConfigurePostgreSql(options, paths.ConnectionString)
            : ConfigureSqlite(options, paths.ConnectionString);
    }

    /// <summary>PostgreSQL through Npgsql, with its own migrations.</summary>
    public static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));

    /// <summary>SQLite with the busy timeout set on every connection.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionInterceptor());
}
