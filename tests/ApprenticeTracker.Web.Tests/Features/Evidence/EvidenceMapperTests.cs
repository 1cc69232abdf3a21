using System.Text.RegularExpressions;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Features.Evidence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// The generated projections become SQL that reads only the columns a page shows: the SQL the query sends, read with
/// <c>ToQueryString</c>, and run against the schema the real migrations build.
/// </summary>
public sealed partial class EvidenceMapperTests
{
    private SqliteConnection _connection = null!;
    private AppDbContext _db = null!;

    [OneTimeSetUp]
    public void Migrate()
    {
        _connection = new SqliteConnection("DataSource=:memory:");
        _connection.Open();
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);
        _db.Database.Migrate();
    }

    [OneTimeTearDown]
    public void Close()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    [Test]
    public async Task The_evidence_list_projection_selects_only_the_columns_of_a_row()
    {
        var query = _db.EvidenceItems.ProjectToEvidenceListRow();

        Assert.That(SelectedColumns(query.ToQueryString()), Is.EquivalentTo(Columns(
            nameof(EvidenceItem.Id), nameof(EvidenceItem.Title), nameof(EvidenceItem.Type),
            nameof(EvidenceItem.ActivityDate), nameof(EvidenceItem.Status), nameof(EvidenceItem.UpdatedAt))));
        Assert.That(await query.ToListAsync(), Is.Empty);
    }

    [Test]
    public async Task The_evidence_detail_projection_reads_the_item_alone_and_leaves_its_lists_to_their_own_queries()
    {
        var query = _db.EvidenceItems.ProjectToEvidenceDetail();

        var sql = query.ToQueryString();

        Assert.That(sql, Does.Not.Contain("JOIN"));
        Assert.That(SelectedColumns(sql), Is.EquivalentTo(Columns(
            nameof(EvidenceItem.Id), nameof(EvidenceItem.Title), nameof(EvidenceItem.Type), nameof(EvidenceItem.ActivityDate),
            nameof(EvidenceItem.Description), nameof(EvidenceItem.Status), nameof(EvidenceItem.CreatedAt),
            nameof(EvidenceItem.UpdatedAt), nameof(EvidenceItem.SubmittedAt), nameof(EvidenceItem.SubmissionCount),
            nameof(EvidenceItem.RevisionNumber), nameof(EvidenceItem.RevisionOfId), nameof(EvidenceItem.ConcurrencyStamp),
            nameof(EvidenceItem.WitnessContactId), nameof(EvidenceItem.WitnessName), nameof(EvidenceItem.WitnessResponse),
            nameof(EvidenceItem.WitnessRespondedAt), nameof(EvidenceItem.WitnessDeclineReason))));
        Assert.That(await query.ToListAsync(), Is.Empty);
    }

    /// <summary>The column names of the outermost SELECT list, as SQLite's EF provider quotes them ("e"."Title").</summary>
    private static List<string> SelectedColumns(string sql)
    {
        var select = sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];
        return QuotedColumn().Matches(select).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>The table's column names for these properties of <see cref="EvidenceItem"/>, as the model maps them.</summary>
    private List<string> Columns(params string[] properties)
    {
        var entity = _db.Model.FindEntityType(typeof(EvidenceItem))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return properties.Select(p => entity.FindProperty(p)!.GetColumnName(table)!).ToList();
    }

    [GeneratedRegex("\"\\w+\"\\.\"(\\w+)\"")]
    private static partial Regex QuotedColumn();
}
