using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>
/// Where the large demo seed's rows go: the one part of <see cref="LargeDemoDataSeeder"/> that differs between the
/// databases. The seeder declares its tables (in the order their foreign keys need) and adds rows of plain values
/// (<see cref="Guid"/>, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/> in UTC, text, numbers, booleans, null);
/// each database writes them its fastest way, all in one transaction. While it writes, the triggers that keep the read
/// models are off; <see cref="CompleteAsync"/> counts every read model afresh with set-based statements (the same the
/// migrations fill them with), turns the triggers back on and commits, so the read models equal a recount when the
/// seed commits and are kept by the triggers from then on (docs/decisions/0080, 0141).
/// </summary>
internal abstract class LargeSeedRows : IAsyncDisposable
{
    /// <summary>The prefixes of the triggers that keep read models; each read model is recounted in <see cref="CompleteAsync"/>.</summary>
    protected static readonly string[] ReadModelTriggerPrefixes = ["DutyEvidenceCounts_", "DashboardCounts_", "OffTheJobTotals_"];

    private readonly List<Table> _tables = [];

    /// <summary>A table and the columns the seed writes, in the order values are given.</summary>
    public sealed class Table(string name, IReadOnlyList<string> columns, int index)
    {
        public string Name { get; } = name;

        public IReadOnlyList<string> Columns { get; } = columns;

        internal int Index { get; } = index;

        internal string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c}\""));
    }

    protected IReadOnlyList<Table> Tables => _tables;

    /// <summary>The rows for the database <paramref name="db"/> is on, in a transaction begun on its connection, with the read models' triggers off.</summary>
    public static async Task<LargeSeedRows> OpenAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.IsNpgsql()
            ? await PostgreSqlLargeSeedRows.OpenAsync((NpgsqlConnection)db.Database.GetDbConnection(), ct)
            : SqliteLargeSeedRows.Open((SqliteConnection)db.Database.GetDbConnection());
    }

    /// <summary>Declares a table the seed writes; declare each after the tables its foreign keys point to.</summary>
    public Table Declare(string name, params string[] columns)
    {
        var table = new Table(name, columns, _tables.Count);
        _tables.Add(table);
        Prepare(table);
        return table;
    }

    /// <summary>Adds one row of <paramref name="table"/>, its values in the order of the declared columns.</summary>
    public abstract void Add(Table table, params object?[] values);

    /// <summary>Writes what is left, recounts the read models, turns their triggers back on and commits.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    protected virtual void Prepare(Table table)
    {
    }

    /// <summary>SQLite: prepared commands in one transaction; the count triggers dropped and created again from the SQL they were stored with.</summary>
    private sealed class SqliteLargeSeedRows : LargeSeedRows
    {
        /// <summary>
        /// SQLite's page cache while seeding, in KiB (as <c>PRAGMA cache_size</c> takes a negative number): 256 MiB instead
        /// of the default 2 MiB, so that the indexes keyed by random GUIDs stay in memory at 20,000 apprentices (about 1.2 GB
        /// of database) rather than being read back from disk for every row. Set back when the seed is done.
        /// </summary>
        private const int SeedCacheKibibytes = -262_144;

        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly long _cacheSize;
        private readonly List<string> _triggers;
        private readonly List<SqliteCommand> _commands = [];

        private SqliteLargeSeedRows(SqliteConnection connection, SqliteTransaction transaction, long cacheSize, List<string> triggers)
        {
            _connection = connection;
            _transaction = transaction;
            _cacheSize = cacheSize;
            _triggers = triggers;
        }

        public static SqliteLargeSeedRows Open(SqliteConnection connection)
        {
            var transaction = connection.BeginTransaction();
            long cacheSize;
            using (var read = Command(connection, transaction, "PRAGMA cache_size;"))
            {
                cacheSize = (long)read.ExecuteScalar()!;
            }

            Execute(connection, transaction, FormattableString.Invariant($"PRAGMA cache_size = {SeedCacheKibibytes};"));
            return new SqliteLargeSeedRows(connection, transaction, cacheSize, DropReadModelTriggers(connection, transaction));
        }

        protected override void Prepare(Table table)
        {
            var command = Command(_connection, _transaction,
                $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            command.Prepare();
            _commands.Add(command);
        }

        /// <summary>Binds values as EF Core stores them on SQLite: GUIDs as upper-case text, dates as yyyy-MM-dd, instants as UTC ticks.</summary>
        public override void Add(Table table, params object?[] values)
        {
            var command = _commands[table.Index];
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTimeOffset t => t.UtcTicks,
                    bool b => b ? 1 : 0,
                    decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
                    var v => v,
                };
            }

            command.ExecuteNonQuery();
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            // The counts of everything, the new rows and those already there, in one set-based statement each, then the
            // triggers again as they were: all in the seed's transaction.
            foreach (var sql in ReadModelRecount.Sqlite())
            {
                Execute(_connection, _transaction, sql);
            }

            foreach (var trigger in _triggers)
            {
                Execute(_connection, _transaction, trigger);
            }

            await _transaction.CommitAsync(ct);

            // The transaction went through the write-ahead log (about 1.2 GB at 20,000 apprentices). Until a writer
            // restarts the log, every reader looks each page up in its index first, which slows every query by the
            // size of the seed; copying it into the database and emptying it now leaves the database as a long-running
            // one would be. (Nothing to do for a database not in WAL mode.)
            Execute(_connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var command in _commands)
            {
                await command.DisposeAsync();
            }

            await _transaction.DisposeAsync();
            Execute(_connection, null, FormattableString.Invariant($"PRAGMA cache_size = {_cacheSize};"));
        }

        /// <summary>
        /// Drops the triggers that keep the read models and returns the SQL that creates them again. Row by row they
        /// would roughly double the seed's cost (several statements per evidence link).
        /// </summary>
        private static List<string> DropReadModelTriggers(SqliteConnection connection, SqliteTransaction transaction)
        {
            var triggers = new List<(string Name, string Sql)>();
            using (var command = Command(connection, transaction,
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (" +
                string.Join(" OR ", ReadModelTriggerPrefixes.Select(p => $"name GLOB '{p}*'")) + ") ORDER BY name;"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    triggers.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in triggers)
            {
                Execute(connection, transaction, $"DROP TRIGGER \"{name}\";");
            }

            return triggers.Select(t => t.Sql + ";").ToList();
        }

        private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL of this class and of the migrations, names declared by the seeder, or trigger SQL read back from the database itself.
            command.CommandText = sql;
#pragma warning restore CA2100
            return command;
        }

        private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
        {
            using var command = Command(connection, transaction, sql);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// PostgreSQL: rows gathered per table and written with binary <c>COPY</c> every <see cref="RowsPerCopy"/> rows,
    /// the tables in their declared order; the read models' triggers disabled (<c>ALTER TABLE … DISABLE TRIGGER</c>,
    /// which is undone with the transaction if the seed fails) and enabled again before the commit; the tables
    /// analysed afterwards, as PostgreSQL's guide to populating a database advises, so that the first queries are
    /// planned on the seeded sizes.
    /// </summary>
    private sealed class PostgreSqlLargeSeedRows : LargeSeedRows
    {
        /// <summary>How many rows are gathered before they are copied: a few megabytes, whatever the size of the seed.</summary>
        private const int RowsPerCopy = 50_000;

        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly List<(string Table, string Trigger)> _triggers;
        private readonly List<List<object?[]>> _rows = [];
        private int _gathered;

        private PostgreSqlLargeSeedRows(NpgsqlConnection connection, NpgsqlTransaction transaction, List<(string, string)> triggers)
        {
            _connection = connection;
            _transaction = transaction;
            _triggers = triggers;
        }

        public static async Task<PostgreSqlLargeSeedRows> OpenAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            var triggers = new List<(string, string)>();
            await using (var command = Command(connection,
                "SELECT c.relname, t.tgname FROM pg_trigger AS t INNER JOIN pg_class AS c ON c.oid = t.tgrelid " +
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND (" +
                string.Join(" OR ", ReadModelTriggerPrefixes.Select(p => $"starts_with(t.tgname, '{p}')")) + ") ORDER BY 1, 2"))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    triggers.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (table, trigger) in triggers)
            {
                await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" DISABLE TRIGGER \"{trigger}\"", ct);
            }

            return new PostgreSqlLargeSeedRows(connection, transaction, triggers);
        }

        protected override void Prepare(Table table) => _rows.Add([]);

        public override void Add(Table table, params object?[] values)
        {
            _rows[table.Index].Add(values);
            if (++_gathered >= RowsPerCopy)
            {
                Copy();
            }
        }

        /// <summary>Copies every table's gathered rows, each table after those its rows point to.</summary>
        private void Copy()
        {
            foreach (var table in Tables)
            {
                var rows = _rows[table.Index];
                if (rows.Count == 0)
                {
                    continue;
                }

                using (var importer = _connection.BeginBinaryImport($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)"))
                {
                    // Each copy is a few megabytes, but a loaded machine must not turn it into a failed seed.
                    importer.Timeout = TimeSpan.FromMinutes(10);
                    foreach (var row in rows)
                    {
                        importer.WriteRow(row);
                    }

                    importer.Complete();
                }

                rows.Clear();
            }

            _gathered = 0;
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            Copy();
            foreach (var sql in ReadModelRecount.PostgreSql())
            {
                await ExecuteAsync(_connection, sql, ct);
            }

            foreach (var (table, trigger) in _triggers)
            {
                await ExecuteAsync(_connection, $"ALTER TABLE \"{table}\" ENABLE TRIGGER \"{trigger}\"", ct);
            }

            await _transaction.CommitAsync(ct);
            var analysed = Tables.Select(t => t.Name).Concat(_triggers.Select(t => t.Table)).Concat(ReadModelRecount.Tables).Distinct(StringComparer.Ordinal);
            await ExecuteAsync(_connection, "ANALYZE " + string.Join(", ", analysed.Select(t => $"\"{t}\"")), ct);
        }

        public override ValueTask DisposeAsync() => _transaction.DisposeAsync();

        private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) =>
#pragma warning disable CA2100 // Constant SQL of this class and of the migrations, or names read from the database's own catalogue.
            new(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100

        /// <summary>Runs a statement without a time limit: recounting a million items takes minutes on a loaded machine.</summary>
        private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
        {
            await using var command = Command(connection, sql);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
