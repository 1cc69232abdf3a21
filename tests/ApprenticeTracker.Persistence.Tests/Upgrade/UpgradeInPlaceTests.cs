using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Auditing;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Persistence.Tests.Upgrade;

/// <summary>
/// A database as main left it before EF Core 10: built by <c>main-2026-11-21.sql</c> (the SQL script dotnet-ef 6.0.5
/// generated from the migrations of that day, with their <c>__EFMigrationsHistory</c> rows) and filled through that
/// schema with plain SQL, then migrated by this code as start-up would.
/// </summary>
public sealed class UpgradeInPlaceTests
{
    private const string EnrolmentId = "C47A3A5D-FFE7-4E4E-92DD-9B5AEDCE74D5";
    private const string AcceptedItemId = "009CCDA2-EB57-4A17-98B4-51F63BE572EB";
    private const string SubmittedItemId = "3B84FC4A-5439-44C1-A7B7-F1AC44DB76CA";
    private const string DraftItemId = "5E0F2D11-7C1A-4C55-9E1B-2B7B8E6E9A01";
    private const string Duty1Id = "023ACF72-32F3-4750-B538-0413A2358B77";
    private const string Duty2Id = "14E5CA2E-5869-4CA1-ABF0-B0B57A2B78E9";
    private const string ApprenticeEmail = "apprentice@example.org";
    private const string ApprenticePassword = "Demo-password-2026";

    /// <summary>
    /// The demo apprentice's account as main's seed-demo wrote it on 7 Dec 2026, hash and all, so that signing in
    /// checks a hash made before the upgrade.
    /// </summary>
    private const string ApprenticePasswordHash = "AQAAAAIAAYagAAAAEFrNMqPQsdbRdPChkcoDl0uKKL+KGxD/EqMxAbGC9uXHNXqUq3VHQ3cyTTU7myW2/Q==";

    private static readonly string[] OldMigrations =
        ["20261121083443_Initial", "20261121091140_FormSubmissions", "20261121101402_DashboardIndexes", "20261121105824_DutyEvidenceCounts"];

    private TestDatabase _database = null!;
    private Dictionary<string, List<string>> _before = null!;
    private Dictionary<string, List<string>> _oldColumns = null!;

    [SetUp]
    public void BuildTheOldDatabaseAndUpgradeIt()
    {
        _database = TestDatabase.Empty();
        _database.Execute(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Upgrade", "main-2026-11-21.sql")));
        _database.Execute(OldData);
        _oldColumns = ReadRows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .ToDictionary(t => t, t => ReadRows($"SELECT name FROM pragma_table_info('{t}')"));
        _before = ReadEveryRow();

        _database.Migrate();
    }

    [TearDown]
    public void DropTheDatabase() => _database?.Dispose();

    [Test]
    public void The_script_is_the_old_main_with_all_four_migrations_applied()
    {
        Assert.That(_before["__EFMigrationsHistory"], Is.EqualTo(OldMigrations.Select(m => $"{m}|6.0.7")));
    }

    [Test]
    public void Every_row_of_every_old_table_survives_unchanged()
    {
        var after = ReadEveryRow(_before.Keys);

        Assert.Multiple(() =>
        {
            foreach (var (table, rows) in _before.Where(t => t.Key != "__EFMigrationsHistory"))
            {
                Assert.That(after[table], Is.EquivalentTo(rows), table);
            }

            Assert.That(after["__EFMigrationsHistory"].Take(OldMigrations.Length), Is.EqualTo(_before["__EFMigrationsHistory"]), "The old migrations stay recorded as applied.");
        });
        Assert.That(_before.Where(t => t.Key is "EvidenceItems" or "Attachments" or "DutySignOffs" or "AuditEvents" or "AspNetUsers").Select(t => t.Value.Count), Is.All.Positive, "The old database was filled.");
    }

    [Test]
    public async Task The_upgraded_rows_read_back_as_the_domain_wrote_them()
    {
        await using var db = _database.CreateDbContext();

        var items = await db.EvidenceItems.Include(i => i.Attachments).OrderBy(i => i.ActivityDate).ToListAsync();
        var since = await db.EvidenceItems.Where(i => i.ActivityDate >= new DateOnly(2025, 9, 1)).Select(i => i.Title).ToListAsync();
        var enrolment = await db.Enrolments.SingleAsync();
        var signOff = await db.DutySignOffs.SingleAsync();

        Assert.That(items.Select(i => (i.Title, i.ActivityDate, i.Status)), Is.EqualTo(new[]
        {
            ("Witness testimony: leading the morning quality control huddle", new DateOnly(2025, 8, 1), EvidenceStatus.Accepted),
            ("ECG trace with my interpretation", new DateOnly(2025, 9, 15), EvidenceStatus.Submitted),
            ("Reflective account: first audit", new DateOnly(2026, 11, 21), EvidenceStatus.Draft),
        }));
        Assert.That(since, Is.EquivalentTo(new[] { "ECG trace with my interpretation", "Reflective account: first audit" }), "Dates stored by the old converter compare in SQL.");
        Assert.That(items[1].Attachments.Select(a => (a.FileName, a.SizeBytes)), Is.EqualTo(new[] { ("ecg-trace.png", 174L) }));
        Assert.That((enrolment.StartDate, enrolment.PlannedEndDate), Is.EqualTo((new DateOnly(2025, 7, 1), new DateOnly(2028, 6, 30))));
        Assert.That(signOff.SignedAt, Is.EqualTo(new DateTimeOffset(638852976000000000, TimeSpan.Zero)));
    }

    [Test]
    public void Stored_audit_events_still_cannot_be_changed_or_deleted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => _database.Execute("UPDATE AuditEvents SET ActorName = 'Someone else'"), Throws.TypeOf<SqliteException>().With.Message.Contains("append-only"));
            Assert.That(() => _database.Execute("DELETE FROM AuditEvents"), Throws.TypeOf<SqliteException>().With.Message.Contains("append-only"));
        });
        Assert.That(_database.CountRows("AuditEvents"), Is.EqualTo(3));
    }

    [Test]
    public async Task The_events_stored_before_the_chain_existed_are_chained_by_the_migration()
    {
        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak, Is.Null);
        Assert.That(report.EventsChecked, Is.EqualTo(3));
        Assert.That(ReadRows("SELECT PreviousHash FROM AuditEvents ORDER BY Id")[0], Is.EqualTo(AuditChain.Genesis));
    }

    [Test]
    public async Task Events_recorded_after_the_upgrade_continue_the_chain_of_the_old_ones()
    {
        await using (var db = _database.CreateDbContext())
        {
            var enrolment = await db.Enrolments.Include(e => e.Assignments).SingleAsync();
            enrolment.StartBreakInLearning("Parental leave.", new Domain.Common.Actor("admin-user", "Helen Marsh"), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak, Is.Null);
        Assert.That(report.EventsChecked, Is.EqualTo(4));
    }

    [Test]
    public void The_duty_evidence_counts_follow_the_evidence_after_the_upgrade()
    {
        Assert.That(Counts(), Is.EqualTo(new[] { $"{Duty1Id}|0|1|0", $"{Duty2Id}|1|1|0" }), "As the old triggers kept them.");

        _database.Execute($"UPDATE EvidenceItems SET Status = 'Accepted' WHERE Id = '{SubmittedItemId}'");
        _database.Execute($"UPDATE EvidenceItems SET Status = 'Submitted' WHERE Id = '{DraftItemId}'");
        _database.Execute($"INSERT INTO EvidenceDuties (EvidenceItemId, DutyId) VALUES ('{DraftItemId}', '{Duty1Id}')");
        _database.Execute($"DELETE FROM EvidenceDuties WHERE EvidenceItemId = '{AcceptedItemId}' AND DutyId = '{Duty2Id}'");

        Assert.That(Counts(), Is.EqualTo(new[] { $"{Duty1Id}|1|1|0", $"{Duty2Id}|0|1|0" }));
    }

    [Test]
    public async Task The_account_signs_in_with_the_password_it_had_before()
    {
        using var services = _database.BuildServices(TimeProvider.System);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var user = await users.FindByEmailAsync(ApprenticeEmail);

        Assert.That(user, Is.Not.Null);
        Assert.That(await users.CheckPasswordAsync(user!, ApprenticePassword), Is.True);
        Assert.That(await users.CheckPasswordAsync(user!, ApprenticePassword + "x"), Is.False);
        Assert.That(await users.GetRolesAsync(user!), Is.EqualTo(new[] { Roles.Apprentice }));
    }

    private List<string> Counts() => ReadRows("SELECT DutyId, Submitted, Accepted, ReferredBack FROM DutyEvidenceCounts ORDER BY DutyId");

    /// <summary>Every row of every table, each row as its values joined with '|', in rowid order.</summary>
    private Dictionary<string, List<string>> ReadEveryRow(IEnumerable<string>? tables = null)
    {
        tables ??= ReadRows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        // The old columns only: later migrations may add columns (AuditEvents gained its hash chain).
        return tables.ToDictionary(t => t, t => ReadRows($"SELECT {string.Join(", ", _oldColumns[t].Select(c => $"\"{c}\""))} FROM \"{t}\""));
    }

    private List<string> ReadRows(string sql)
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>
    /// One enrolment as the old code stored it: dates as yyyy-MM-dd text, instants as UTC ticks, enums by name, ids as
    /// upper-case text. The duty evidence counts are left to the old triggers, as they were in use.
    /// </summary>
    private const string OldData = $"""
        INSERT INTO AspNetRoles VALUES ('0251c765-f289-493e-9cbc-f487fb62c706', 'Apprentice', 'APPRENTICE', '0057abf4-481f-430a-90d2-7fb6a0389ad4');
        INSERT INTO AspNetUsers VALUES ('8e589e7b-fa7e-457d-9976-29b81c6f93d8', 'Łucja Wójcik', 0, '{ApprenticeEmail}', 'APPRENTICE@EXAMPLE.ORG', '{ApprenticeEmail}', 'APPRENTICE@EXAMPLE.ORG', 1,
            '{ApprenticePasswordHash}', 'CFEE1D0ED957490ABD2E6160DACBAE9F', '83d64308-2ed3-40fc-b799-0164316b6fd2', NULL, 0, 0, NULL, 1, 0);
        INSERT INTO AspNetUserRoles VALUES ('8e589e7b-fa7e-457d-9976-29b81c6f93d8', '0251c765-f289-493e-9cbc-f487fb62c706');
        INSERT INTO AspNetUserClaims (UserId, ClaimType, ClaimValue) VALUES ('8e589e7b-fa7e-457d-9976-29b81c6f93d8', 'example', 'kept');
        INSERT INTO Standards VALUES ('7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', 'ST0413', '1.1', 'Healthcare science practitioner (integrated degree)', 6, 36, 'Health and science', 168, '27000.0', 1, 'Approved for delivery', NULL, 639322438883854241);
        INSERT INTO Duties VALUES ('{Duty1Id}', '7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', 1, 'D1', 'ca8d448f-f39a-575c-8d9d-de81e45ddb87', 'Practise according to the legal, ethical and professional frameworks.', 1);
        INSERT INTO Duties VALUES ('{Duty2Id}', '7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', 2, 'D2', 'da8d448f-f39a-575c-8d9d-de81e45ddb88', 'Provide, plan, monitor, assess and troubleshoot the technical scientific services.', 1);
        INSERT INTO Ksbs VALUES ('A1000000-0000-4000-8000-000000000001', '7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', 'Knowledge', 1, 'K1', 'k-1', 'The legal frameworks.');
        INSERT INTO DutyKsbs VALUES ('{Duty1Id}', 'A1000000-0000-4000-8000-000000000001');
        INSERT INTO GatewayRequirements VALUES ('B1000000-0000-4000-8000-000000000001', '7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', 'english-maths', 'English and maths at level 2', 1);
        INSERT INTO TrainingProviders VALUES ('DD1E60FD-98BB-481C-8100-3A0D35B5A06F', 'Northgate Healthcare Training', '10012345');
        INSERT INTO Employers VALUES ('3AC59796-AEA4-4E52-A645-CF955B428E8E', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', 'Riverside NHS Trust');
        INSERT INTO Cohorts VALUES ('FAF76DBC-80CD-4BDC-BD42-F2498321843F', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', 'July 2025', '2025-07-01');
        INSERT INTO Apprentices VALUES ('9D3143D1-F272-4370-A695-76FF6AFAD7C0', '8e589e7b-fa7e-457d-9976-29b81c6f93d8', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', 'Łucja', 'Wójcik', '{ApprenticeEmail}');
        INSERT INTO Assessors VALUES ('564F1C66-E0DB-4926-9D78-39FE7F0FECE5', 'a5a5a5a5-0000-4000-8000-000000000001', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', 'Grace', 'Adeyemi', 'assessor@example.org', 'Clinical educator');
        INSERT INTO Enrolments VALUES ('{EnrolmentId}', '9D3143D1-F272-4370-A695-76FF6AFAD7C0', '7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', '3AC59796-AEA4-4E52-A645-CF955B428E8E', 'FAF76DBC-80CD-4BDC-BD42-F2498321843F', '2025-07-01', '2028-06-30', 8, 'Active', 638870364000000000, '8FBC9D28-C3E7-4531-86B7-F77513948EC4');
        INSERT INTO AssessorAssignments VALUES ('C1000000-0000-4000-8000-000000000001', '{EnrolmentId}', '564F1C66-E0DB-4926-9D78-39FE7F0FECE5', 638870364000000000, NULL);
        INSERT INTO EvidenceItems VALUES ('{AcceptedItemId}', '{EnrolmentId}', 'Witness testimony: leading the morning quality control huddle', 'WitnessTestimony', '2025-08-01', 'Under supervision.', 'Accepted', 638897148000000000, 638904924000000000, 638903196000000000, 638904924000000000, 1, 1, NULL, '1B2BFA63-27E0-4E9A-851D-FCACD12D499F');
        INSERT INTO EvidenceItems VALUES ('{SubmittedItemId}', '{EnrolmentId}', 'ECG trace with my interpretation', 'WorkProduct', '2025-09-15', NULL, 'Submitted', 638930000000000000, 638930000000000000, 638930000000000000, NULL, 1, 1, NULL, '2B2BFA63-27E0-4E9A-851D-FCACD12D499F');
        INSERT INTO EvidenceItems VALUES ('{DraftItemId}', '{EnrolmentId}', 'Reflective account: first audit', 'ReflectiveAccount', '2026-11-21', NULL, 'Draft', 639321000000000000, 639321000000000000, NULL, NULL, 0, 1, NULL, '3B2BFA63-27E0-4E9A-851D-FCACD12D499F');
        INSERT INTO EvidenceDuties VALUES ('{AcceptedItemId}', '{Duty1Id}');
        INSERT INTO EvidenceDuties VALUES ('{AcceptedItemId}', '{Duty2Id}');
        INSERT INTO EvidenceDuties VALUES ('{SubmittedItemId}', '{Duty2Id}');
        INSERT INTO EvidenceKsbs VALUES ('{AcceptedItemId}', 'A1000000-0000-4000-8000-000000000001');
        INSERT INTO Attachments VALUES ('431B7543-6728-4C90-8E4B-784D55E0DB8E', '{SubmittedItemId}', 'ecg-trace.png', 174, '6d86e839f68cdebe6d96ead6ac783866b7f1b9a076a0a56769d28b191adf5de8', 'image/png', 'a73ee90a0a981b92af6230449f46f0c8', 638930000000000000);
        INSERT INTO EvidenceReviews VALUES ('D1000000-0000-4000-8000-000000000001', '{AcceptedItemId}', 'Accepted', 'Clear and specific.', '564F1C66-E0DB-4926-9D78-39FE7F0FECE5', 'Grace Adeyemi', 638904924000000000);
        INSERT INTO DutySignOffs VALUES ('01AE2C8E-5600-4008-BE99-4EF2B34AB987', '{EnrolmentId}', '{Duty1Id}', '564F1C66-E0DB-4926-9D78-39FE7F0FECE5', 'Grace Adeyemi', 'I confirm that Łucja Wójcik has demonstrated competence in duty D1.', 638852976000000000, NULL, NULL, NULL, NULL);
        INSERT INTO SignOffEvidence VALUES ('01AE2C8E-5600-4008-BE99-4EF2B34AB987', '{AcceptedItemId}');
        INSERT INTO GatewayConfirmations VALUES ('E1000000-0000-4000-8000-000000000001', '{EnrolmentId}', 'english-maths', 'a5a5a5a5-0000-4000-8000-000000000001', 'Grace Adeyemi', NULL, 638905000000000000);
        INSERT INTO FormSubmissions VALUES ('F1000000-0000-4000-8000-000000000001', '{DraftItemId}', 639321000000000000);
        INSERT INTO AuditEvents (OccurredAt, ActorUserId, ActorName, Action, EntityType, EntityId, EnrolmentId, TrainingProviderId, Details) VALUES
            (639322438883854241, 'system', 'ApprenticeTracker', 'standard.imported', 'Standard', '7D64C70A-E66E-4DAC-8E6C-4D0E2E324B18', NULL, NULL, 'ST0413 v1.1: 2 duties, 1 KSB'),
            (638903196000000000, '8e589e7b-fa7e-457d-9976-29b81c6f93d8', 'Łucja Wójcik', 'evidence.submitted', 'EvidenceItem', '{AcceptedItemId}', '{EnrolmentId}', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', NULL),
            (638852976000000000, 'a5a5a5a5-0000-4000-8000-000000000001', 'Grace Adeyemi', 'duty.signed-off', 'DutySignOff', '01AE2C8E-5600-4008-BE99-4EF2B34AB987', '{EnrolmentId}', 'DD1E60FD-98BB-481C-8100-3A0D35B5A06F', 'D1');
        """;
}
