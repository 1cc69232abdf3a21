using System.Text.RegularExpressions;

namespace ApprenticeTracker.Persistence.Migrations;

/// <summary>
/// Turns the SQL that the SQLite triggers are written in into PostgreSQL's: EF Core names PostgreSQL tables and columns
/// with their case kept, so every such name (PascalCase, outside quoted text; keywords are written in capitals and
/// aliases in lower case) is quoted, and PostgreSQL's null-safe inequality is spelt <c>IS DISTINCT FROM</c>.
/// </summary>
internal static partial class PostgreSqlText
{
    public static string Quote(string sql)
    {
        var parts = sql.Split('\'');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = PascalCase().Replace(parts[i], "\"$0\"");
        }

        return string.Join('\'', parts).Replace(" IS NOT NEW.", " IS DISTINCT FROM NEW.", StringComparison.Ordinal);
    }

    /// <summary>
    /// <see cref="Quote"/>, and each comparison that SQLite sums as 0 or 1 (<c>SUM(Status = 'Accepted')</c>) turned into
    /// an integer first, as PostgreSQL sums only numbers.
    /// </summary>
    public static string QuoteCounting(string sql) => SummedComparison().Replace(Quote(sql), "$1(($2)::int)");

    [GeneratedRegex(@"\b(SUM|MAX|MIN)\(([^()]*?(?:=|<>|>|<)[^()]*?)\)")]
    private static partial Regex SummedComparison();

    [GeneratedRegex(@"(?<![\w""$])[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?![\w""(])")]
    private static partial Regex PascalCase();
}
