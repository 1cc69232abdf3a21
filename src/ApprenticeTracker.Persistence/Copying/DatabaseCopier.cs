using System.Data.Common;
using System.Globalization;
using System.Reflection;
using ApprenticeTracker.Persistence.ReadModels;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ApprenticeTracker.Persistence.Copying;

/// <summary>What <see cref="DatabaseCopier.CopyAsync"/> did: the rows per table, or why nothing was copied.</summary>
public sealed record CopyOutcome(bool Succeeded, string? Error, IReadOnlyList<(string Table, long Rows)> Tables)
{
    public static CopyOutcome Failed(string error) => new(false, error, []);
}

/// <summary>
/// Copies the configured database into an empty PostgreSQL database, every table in one transaction, keeping ids
/// (docs/decisions/0102). The target is migrated first and refused unless every table is empty. The rows of the two
/// summaries the triggers keep (the read models: <see cref="DutyEvidenceCount"/>, <see cref="DashboardCount"/>, <see cref="OffTheJobTotal"/>) are not copied: the
/// target's own triggers build them as the evidence, sign-offs and enrolments arrive, and they are then checked like
/// every other table. Every table's row count in the target must equal the source's, or nothing is committed.
/// </summary>
public sealed class DatabaseCopier(IDbContextFactory<AppDbContext> source)
{
    /// <summary>Copies into the PostgreSQL database <paramref name="targetConnectionString"/> names.</summary>
    public async Task<CopyOutcome> CopyAsync(string targetConnectionString, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await using var from = await source.CreateDbContextAsync(ct);
        if (from.Database.IsNpgsql())
        {
            return CopyOutcome.Failed("The configured database is already PostgreSQL; copy-database copies a SQLite database into PostgreSQL.");
        }

        // One transaction that copies every table runs for minutes on a large database (about 4.5 at 2,000 apprentices
        // on a loaded machine), and its statements for as long as each table takes: Npgsql's default limit of 30 s a
        // command would end it. The copy sets no limit, whatever the connection string says.
        var unlimited = new NpgsqlConnectionStringBuilder(targetConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var options = PersistenceExtensions.ConfigurePostgreSql(new DbContextOptionsBuilder<AppDbContext>(), unlimited);
        await using var to = new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
        await to.Database.MigrateAsync(ct);

        var tables = Order(to.Model);
        var connection = (NpgsqlConnection)to.Database.GetDbConnection();
        await to.Database.OpenConnectionAsync(ct);
        var sourceConnection = from.Database.GetDbConnection();
        await from.Database.OpenConnectionAsync(ct);

        foreach (var table in tables)
        {
            if (await CountAsync(connection, table.Name, ct) > 0)
            {
                return CopyOutcome.Failed($"The target database is not empty: table {table.Name} has rows. Nothing was copied.");
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var copied = new List<(string, long)>();
        foreach (var table in tables.Where(t => !t.Derived && !t.TargetOnly))
        {
            var rows = await CopyTableAsync(from.Model, table, sourceConnection, connection, ct);
            progress.WriteLine($"{table.Name}: {rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
            copied.Add((table.Name, rows));
        }

        foreach (var table in tables.Where(t => !t.TargetOnly))
        {
            var expected = await CountAsync(sourceConnection, table.Name, ct);
            var actual = await CountAsync(connection, table.Name, ct);
            if (expected != actual)
            {
                await transaction.RollbackAsync(ct);
                return CopyOutcome.Failed($"Table {table.Name} has {expected} rows in the source but {actual} in the target. Nothing was copied.");
            }

            if (table.Derived)
            {
                copied.Add((table.Name, actual));
            }
        }

        await ResetIdentitiesAsync(to.Model, connection, ct);
        await transaction.CommitAsync(ct);
        return new CopyOutcome(true, null, copied);
    }

    private sealed record Table(string Name, IEntityType Entity, bool Derived, bool TargetOnly);

    /// <summary>The target's tables, each after the tables its foreign keys point to.</summary>
    private static List<Table> Order(IModel model)
    {
        var entities = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<Table>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < entities.Count)
        {
            var ready = entities
                .Where(e => !placed.Contains(e.GetTableName()!))
                .Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType.GetTableName() == e.GetTableName() || placed.Contains(fk.PrincipalEntityType.GetTableName()!)))
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle; they cannot be copied in order.");
            }

            foreach (var entity in ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
            {
                placed.Add(entity.GetTableName()!);
                ordered.Add(new Table(
                    entity.GetTableName()!,
                    entity,
                    Derived: entity.ClrType.Namespace == typeof(DutyEvidenceCount).Namespace,
                    TargetOnly: entity.ClrType == typeof(DataProtectionKey)));
            }
        }

        return ordered;
    }

    private static async Task<long> CopyTableAsync(IModel sourceModel, Table table, DbConnection from, NpgsqlConnection to, CancellationToken ct)
    {
        var sourceEntity = sourceModel.FindEntityType(table.Entity.Name)
            ?? throw new InvalidOperationException($"The source has no table for {table.Entity.Name}.");
        var storeObject = StoreObjectIdentifier.Table(table.Name, table.Entity.GetSchema());
        var columns = table.Entity.GetProperties()
            .Select(p => (Target: p, Source: sourceEntity.FindProperty(p.Name)!, Column: p.GetColumnName(storeObject)!))
            .ToList();

        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Source.GetColumnName(StoreObjectIdentifier.Table(table.Name, null))!)))} FROM {Quote(table.Name)}";
        await using var reader = await read.ExecuteReaderAsync(ct);
        await using var writer = await to.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Column)))}) FROM STDIN (FORMAT BINARY)", ct);
        var readers = columns.Select(c => ValueReader(c.Source, c.Target)).ToList();
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = reader.IsDBNull(i) ? null : readers[i](reader, i);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, ct);
                }
            }

            rows++;
        }

        await writer.CompleteAsync(ct);
        return rows;
    }

    /// <summary>
    /// Reads a column as the source stores it, turns it into the model's value by the source's converter, and into what
    /// the target stores by the target's (ticks to an instant, an enum's name through the enum, and so on).
    /// </summary>
    private static Func<DbDataReader, int, object?> ValueReader(IProperty source, IProperty target)
    {
        var sourceMapping = source.GetRelationalTypeMapping();
        var targetMapping = target.GetRelationalTypeMapping();
        var stored = sourceMapping.Converter?.ProviderClrType ?? sourceMapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var get = GetFieldValue.MakeGenericMethod(stored);
        return (reader, ordinal) =>
        {
            var raw = get.Invoke(reader, [ordinal]);
            var model = sourceMapping.Converter is { } fromStore ? fromStore.ConvertFromProvider(raw) : raw;
            return targetMapping.Converter is { } toStore ? toStore.ConvertToProvider(model) : model;
        };
    }

    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue), [typeof(int)])!;

    /// <summary>Moves each identity column's sequence past the ids copied, so the next row the app adds gets a new one.</summary>
    private static async Task ResetIdentitiesAsync(IModel model, NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            foreach (var key in entity.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var t && (t == typeof(int) || t == typeof(long))) ?? [])
            {
                var column = key.GetColumnName(StoreObjectIdentifier.Table(table, null))!;
                await using var command = connection.CreateCommand();
                command.CommandText =
                    $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', '{column}'), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}";
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string Quote(string name) => $"\"{name}\"";
}
