using System.Data.Common;
using System.Globalization;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Persistence.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>
/// Adds a large cohort to demo provider A, for measuring the provider pages at scale: 2,000 apprentices (or as many as
/// asked) with their accounts, enrolments and assessors, and 50 evidence items each mapped to duties in every status,
/// with sign-offs.
/// </summary>
/// <remarks>
/// Unlike <see cref="DemoDataSeeder"/>, this writes rows with prepared SQLite commands in one transaction instead of
/// going through the domain: through EF the same data takes minutes, this takes seconds. In that transaction the
/// triggers that keep <c>DutyEvidenceCounts</c> and <c>DashboardCounts</c> are dropped, both tables are counted afresh
/// in one statement each once the rows are written, and the triggers are created again, so the counts are right when
/// the transaction commits and kept by the triggers from then on. It writes no audit events
/// (the rows record no one's actions) and no review records; statuses, dates and sign-offs are consistent with the
/// domain's rules. The content is the same on every run (a fixed random seed).
/// </remarks>
public sealed class LargeDemoDataSeeder(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public const int DefaultApprentices = 2_000;
    public const int MaximumApprentices = 50_000;
    public const int EvidencePerApprentice = 50;
    public const string EmailDomain = "large.example.org";

    private const int Seed = 2_000;

    /// <summary>
    /// SQLite's page cache while seeding, in KiB (as <c>PRAGMA cache_size</c> takes a negative number): 256 MiB instead
    /// of the default 2 MiB, so that the indexes keyed by random GUIDs stay in memory at 20,000 apprentices (about 1.2 GB
    /// of database) rather than being read back from disk for every row. Set back when the seed is done.
    /// </summary>
    private const int SeedCacheKibibytes = -262_144;

    private static readonly string[] GivenNames =
    [
        "Amelia", "Oliver", "Isla", "Noah", "Ava", "Muhammad", "Freya", "Leo", "Zofia", "Kacper", "Aisha", "Yusuf", "Siân", "Dylan",
        "Niamh", "Cillian", "Chioma", "Tunde", "Mei", "Hiroshi", "Ana", "João", "Ingrid", "Lars", "Priya", "Arjun", "Fatima", "Omar",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Khan", "Patel", "Nowak", "Kowalski", "O'Brien",
        "Murphy", "Okafor", "Adeyemi", "Chen", "Tanaka", "Silva", "Pereira", "Johansson", "Müller", "Ahmed", "Hussain", "Jenkins",
    ];

    /// <summary>Adds the large cohort of <see cref="DefaultApprentices"/>; returns false, changing nothing, when it is already there.</summary>
    /// <exception cref="InvalidOperationException">The demo data (provider A and ST0413 v1.1) is not there yet.</exception>
    public Task<bool> SeedAsync(CancellationToken ct) => SeedAsync(DefaultApprentices, ct);

    /// <summary>Adds a large cohort of <paramref name="apprentices"/>; returns false, changing nothing, when one is already there.</summary>
    /// <exception cref="InvalidOperationException">The demo data (provider A and ST0413 v1.1) is not there yet.</exception>
    public async Task<bool> SeedAsync(int apprentices, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(apprentices, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(apprentices, MaximumApprentices);
        await using var db = await factory.CreateDbContextAsync(ct);
        var adminEmail = DemoDataSeeder.ProviderEmail.ToUpperInvariant();
        var admin = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == adminEmail, ct)
            ?? throw new InvalidOperationException("The large demo data builds on the small demo data; seed that first.");
        var providerText = await db.UserClaims
            .Where(c => c.UserId == admin.Id && c.ClaimType == AppClaimTypes.TrainingProviderId)
            .Select(c => c.ClaimValue)
            .SingleAsync(ct);
        var providerId = Guid.Parse(providerText!, CultureInfo.InvariantCulture);
        var marker = $"%@{EmailDomain}";
        if (await db.Apprentices.AnyAsync(a => EF.Functions.Like(a.Email, marker), ct))
        {
            return false;
        }

        var standard = await db.Standards.AsNoTracking().Include(s => s.Duties)
            .SingleAsync(s => s.ReferenceNumber == DemoDataSeeder.StandardReference && s.Version == DemoDataSeeder.StandardVersion, ct);
        var employers = await db.Employers.AsNoTracking().Where(e => e.TrainingProviderId == providerId).Select(e => e.Id).ToListAsync(ct);
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.TrainingProviderId == providerId).Select(c => new { c.Id, c.StartDate }).ToListAsync(ct);
        var assessors = await db.Assessors.AsNoTracking().Where(a => a.TrainingProviderId == providerId)
            .Select(a => new { a.Id, Name = PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder) }).ToListAsync(ct);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Apprentice).Select(r => r.Id).SingleAsync(ct);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var cacheSize = Scalar(connection, transaction, "PRAGMA cache_size;");
        Execute(connection, transaction, FormattableString.Invariant($"PRAGMA cache_size = {SeedCacheKibibytes};"));
        try
        {
            var countTriggers = DropCountTriggers(connection, transaction);
            var writer = new Writer(connection, transaction);
            var random = new Random(Seed);
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var duties = standard.Duties.ToList();

            for (var i = 0; i < apprentices; i++)
            {
                var given = GivenNames[random.Next(GivenNames.Length)];
                var family = FamilyNames[random.Next(FamilyNames.Length)];
                var email = FormattableString.Invariant($"apprentice{i + 1:0000}@{EmailDomain}");
                var userId = Guid.NewGuid().ToString();
                writer.User(userId, email, $"{given} {family}", admin.PasswordHash!, roleId);

                var apprenticeId = Guid.NewGuid();
                writer.Apprentice(apprenticeId, userId, providerId, given, family, email);

                var cohort = cohorts[i % cohorts.Count];
                var start = cohort.StartDate;
                var roll = random.Next(100);
                var status = roll < 88 ? EnrolmentStatus.Active
                    : roll < 93 ? EnrolmentStatus.BreakInLearning
                    : roll < 96 ? EnrolmentStatus.Withdrawn
                    : roll < 99 ? EnrolmentStatus.Gateway
                    : EnrolmentStatus.Completed;
                var enrolmentId = Guid.NewGuid();
                var enrolledAt = At(start.AddDays(-14));
                writer.Enrolment(enrolmentId, apprenticeId, standard.Id, providerId, employers[i % employers.Count], cohort.Id, start,
                    start.AddMonths(standard.TypicalDurationMonths).AddDays(-1), FundingRules.MinimumDurationMonths(start), status, enrolledAt);
                var assessor = assessors[i % assessors.Count];
                writer.Assignment(enrolmentId, assessor.Id, enrolledAt);

                // How far along the apprentice is: the share of their items that are accepted and of their duties signed off.
                var progress = status is EnrolmentStatus.Gateway or EnrolmentStatus.Completed ? 1.0 : random.NextDouble();
                var span = Math.Max(1, today.AddDays(-21).DayNumber - start.AddDays(7).DayNumber);
                var acceptedByDuty = new Dictionary<Guid, Guid>();
                for (var e = 0; e < EvidencePerApprentice; e++)
                {
                    var activity = start.AddDays(7 + random.Next(span));
                    var created = At(activity).AddHours(17 + random.Next(48));
                    var statusRoll = random.NextDouble();
                    var itemStatus = statusRoll < 0.1 ? EvidenceStatus.Draft
                        : statusRoll < 0.1 + (0.9 * progress * 0.8) ? EvidenceStatus.Accepted
                        : statusRoll < 0.9 ? EvidenceStatus.Submitted
                        : EvidenceStatus.ReferredBack;
                    DateTimeOffset? submitted = itemStatus == EvidenceStatus.Draft ? null : created.AddDays(1 + random.Next(3));
                    DateTimeOffset? reviewed = itemStatus is EvidenceStatus.Accepted or EvidenceStatus.ReferredBack ? submitted!.Value.AddDays(2 + random.Next(5)) : null;
                    var itemId = Guid.NewGuid();
                    var (type, title) = DemoCatalogue.Evidence[random.Next(DemoCatalogue.Evidence.Length)];
                    writer.Evidence(itemId, enrolmentId, title, type, activity, DemoCatalogue.Descriptions[random.Next(DemoCatalogue.Descriptions.Length)],
                        itemStatus, created, reviewed ?? submitted ?? created, submitted, reviewed);

                    var first = duties[random.Next(duties.Count)];
                    writer.EvidenceDuty(itemId, first.Id);
                    var second = random.Next(100) < 40 ? duties[random.Next(duties.Count)] : null;
                    if (second is not null && second.Id != first.Id)
                    {
                        writer.EvidenceDuty(itemId, second.Id);
                    }

                    if (itemStatus == EvidenceStatus.Accepted)
                    {
                        acceptedByDuty.TryAdd(first.Id, itemId);
                    }
                }

                foreach (var (dutyId, itemId) in acceptedByDuty)
                {
                    if (random.NextDouble() < progress)
                    {
                        var duty = duties.First(d => d.Id == dutyId);
                        writer.SignOff(enrolmentId, dutyId, assessor.Id, assessor.Name,
                            $"I confirm that {given} {family} is competent in {duty.Code} of {standard.DisplayReference}.", itemId, now.AddDays(-random.Next(1, 20)));
                    }
                }
            }

            // The counts of everything, the new rows and those already there, in one set-based statement each (the same
            // the migrations fill them with), then the triggers again as they were: all in the seed's transaction.
            Execute(connection, transaction, "DELETE FROM DashboardCounts; DELETE FROM DutyEvidenceCounts;");
            Execute(connection, transaction, Migrations.DutyEvidenceCounts.Fill);
            Execute(connection, transaction, Migrations.DashboardCountsSql.Fill());
            foreach (var trigger in countTriggers)
            {
                Execute(connection, transaction, trigger);
            }

            await transaction.CommitAsync(ct);

            // The transaction went through the write-ahead log (about 1.2 GB at 20,000 apprentices). Until a writer
            // restarts the log, every reader looks each page up in its index first, which slows every query by the
            // size of the seed; copying it into the database and emptying it now leaves the database as a long-running
            // one would be. (Nothing to do for a database not in WAL mode.)
            Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
            return true;
        }
        finally
        {
            Execute(connection, null, FormattableString.Invariant($"PRAGMA cache_size = {cacheSize};"));
        }
    }

    /// <summary>
    /// Drops the triggers that keep <c>DutyEvidenceCounts</c> and <c>DashboardCounts</c> and returns the SQL that
    /// creates them again. Row by row they would roughly double the seed's cost (several statements per evidence link).
    /// </summary>
    private static List<string> DropCountTriggers(SqliteConnection connection, SqliteTransaction transaction)
    {
        var triggers = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' " +
                "AND (name GLOB 'DutyEvidenceCounts_*' OR name GLOB 'DashboardCounts_*') ORDER BY name;";
            using var reader = command.ExecuteReader();
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

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL of this class.
        command.CommandText = sql;
#pragma warning restore CA2100
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL of this class and of the migrations, or trigger SQL read back from the database itself.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));

    /// <summary>The prepared commands, one per table, reused for every row.</summary>
    private sealed class Writer
    {
        private readonly SqliteCommand _user;
        private readonly SqliteCommand _userRole;
        private readonly SqliteCommand _apprentice;
        private readonly SqliteCommand _enrolment;
        private readonly SqliteCommand _assignment;
        private readonly SqliteCommand _evidence;
        private readonly SqliteCommand _evidenceDuty;
        private readonly SqliteCommand _signOff;
        private readonly SqliteCommand _signOffEvidence;

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            _user = Prepare(connection, transaction, "AspNetUsers",
                "Id", "DisplayName", "MustChangePassword", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
            _userRole = Prepare(connection, transaction, "AspNetUserRoles", "UserId", "RoleId");
            _apprentice = Prepare(connection, transaction, "Apprentices", "Id", "UserId", "TrainingProviderId", "GivenName", "FamilyName", "NameOrder", "NameSortKey", "Email");
            _enrolment = Prepare(connection, transaction, "Enrolments",
                "Id", "ApprenticeId", "StandardId", "TrainingProviderId", "EmployerId", "CohortId", "StartDate", "PlannedEndDate",
                "MinimumDurationMonths", "Status", "StatusChangedAt", "ConcurrencyStamp");
            _assignment = Prepare(connection, transaction, "AssessorAssignments", "Id", "EnrolmentId", "AssessorId", "AssignedAt");
            _evidence = Prepare(connection, transaction, "EvidenceItems",
                "Id", "EnrolmentId", "Title", "Type", "ActivityDate", "Description", "Status", "CreatedAt", "UpdatedAt", "SubmittedAt",
                "ReviewedAt", "SubmissionCount", "RevisionNumber", "ConcurrencyStamp");
            _evidenceDuty = Prepare(connection, transaction, "EvidenceDuties", "EvidenceItemId", "DutyId");
            _signOff = Prepare(connection, transaction, "DutySignOffs", "Id", "EnrolmentId", "DutyId", "AssessorId", "AssessorName", "Declaration", "SignedAt");
            _signOffEvidence = Prepare(connection, transaction, "SignOffEvidence", "DutySignOffId", "EvidenceItemId");
        }

        public void User(string id, string email, string displayName, string passwordHash, string roleId)
        {
            var upper = email.ToUpperInvariant();
            Run(_user, id, displayName, 0, email, upper, email, upper, 1, passwordHash, Guid.NewGuid().ToString("N").ToUpperInvariant(),
                Guid.NewGuid().ToString(), 0, 0, 1, 0);
            Run(_userRole, id, roleId);
        }

        public void Apprentice(Guid id, string userId, Guid providerId, string given, string family, string email) =>
            Run(_apprentice, id, userId, providerId, given, family, (int)NameOrder.GivenFirst, PersonName.SortKey(given, family), email);

        public void Enrolment(
            Guid id, Guid apprenticeId, Guid standardId, Guid providerId, Guid employerId, Guid cohortId, DateOnly start, DateOnly plannedEnd,
            int minimumMonths, EnrolmentStatus status, DateTimeOffset at) =>
            Run(_enrolment, id, apprenticeId, standardId, providerId, employerId, cohortId, start, plannedEnd, minimumMonths, status.ToString(), at, Guid.NewGuid());

        public void Assignment(Guid enrolmentId, Guid assessorId, DateTimeOffset at) =>
            Run(_assignment, Guid.NewGuid(), enrolmentId, assessorId, at);

        public void Evidence(
            Guid id, Guid enrolmentId, string title, EvidenceType type, DateOnly activity, string description, EvidenceStatus status,
            DateTimeOffset created, DateTimeOffset updated, DateTimeOffset? submitted, DateTimeOffset? reviewed) =>
            Run(_evidence, id, enrolmentId, title, type.ToString(), activity, description, status.ToString(), created, updated, submitted, reviewed,
                submitted is null ? 0 : 1, 1, Guid.NewGuid());

        public void EvidenceDuty(Guid itemId, Guid dutyId) => Run(_evidenceDuty, itemId, dutyId);

        public void SignOff(Guid enrolmentId, Guid dutyId, Guid assessorId, string assessorName, string declaration, Guid evidenceId, DateTimeOffset at)
        {
            var id = Guid.NewGuid();
            Run(_signOff, id, enrolmentId, dutyId, assessorId, assessorName, declaration, at);
            Run(_signOffEvidence, id, evidenceId);
        }

        private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // The table and column names are constants of this class, never input.
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
#pragma warning restore CA2100
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            command.Prepare();
            return command;
        }

        /// <summary>Binds values as EF Core stores them: GUIDs as upper-case text, dates as yyyy-MM-dd, instants as UTC ticks.</summary>
        private static void Run(DbCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTimeOffset t => t.UtcTicks,
                    var v => v,
                };
            }

            command.ExecuteNonQuery();
        }
    }
}
