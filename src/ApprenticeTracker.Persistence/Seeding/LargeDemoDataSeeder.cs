using System.Globalization;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence.Identity;

namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>
/// Adds a large cohort to demo provider A, for measuring the provider pages at scale: 2,000 apprentices (or as many as
/// asked) with their accounts, enrolments and assessors, 50 evidence items each mapped to duties in every status, with
/// sign-offs, and about 100 off-the-job entries each (one a day at most, some apprentices on plan and some behind).
/// </summary>
/// <remarks>
/// Unlike <see cref="DemoDataSeeder"/>, this writes plain rows in one transaction instead of going through the domain:
/// through EF the same data takes minutes, this takes seconds. The data is made once, here, for both databases;
/// <see cref="LargeSeedRows"/> writes it (prepared commands on SQLite, binary <c>COPY</c> on PostgreSQL) with the
/// triggers that keep the read models off, and counts the read models afresh before it commits, so they are right when
/// the transaction commits and kept by the triggers from then on. It writes no audit events
/// (the rows record no one's actions) and no review records; statuses, dates and sign-offs are consistent with the
/// domain's rules. The content is the same on every run (a fixed random seed).
/// /// </remarks>
public sealed class LargeDemoDataSeeder(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public const int DefaultApprentices = 2_000;
    public const int MaximumApprentices = 50_000;
    public const int EvidencePerApprentice = 50;
    public const int OffTheJobEntriesPerApprentice = 100;
    public const string EmailDomain = "large.example.org";

    private const int Seed = 2_000;

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

        await using var rows = await LargeSeedRows.OpenAsync(db, ct);
        var writer = new Writer(rows);
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

            var plannedEnd = start.AddMonths(standard.TypicalDurationMonths).AddDays(-1);
            AddOffTheJob(writer, random, enrolmentId, providerId, $"{given} {family}", assessor.Name, start, plannedEnd, standard.OffTheJobMinimumHours, today);

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

        await rows.CompleteAsync(ct);
        return true;
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));

    /// <summary>
    /// About <see cref="OffTheJobEntriesPerApprentice"/> entries from the first week to yesterday, one a day at most (fewer
    /// when fewer days have passed), sized so that the approved hours reach 60 % to 120 % of the hours planned to date:
    /// some apprentices on plan, some behind. The last three weeks' wait for approval and one in thirty is queried.
    /// </summary>
    private static void AddOffTheJob(
        Writer writer, Random random, Guid enrolmentId, Guid providerId, string apprentice, string assessor, DateOnly start, DateOnly plannedEnd,
        int? standardMinimumHours, DateOnly today)
    {
        var first = start.AddDays(7);
        var days = today.DayNumber - first.DayNumber;
        var count = Math.Min(OffTheJobEntriesPerApprentice, days);
        if (count <= 0)
        {
            return;
        }

        var plan = new OffTheJobPlan(start, plannedEnd, null, Enrolment.DefaultContractedHoursPerWeek, standardMinimumHours, 0);
        var pace = 0.6 + (random.NextDouble() * 0.6);
        var perEntry = (int)(plan.PlannedToDateMinutes(today) * pace / count);
        var minutes = Math.Clamp(perEntry / 15 * 15, 30, OffTheJobRules.MaxMinutesPerEntry);
        var kinds = OffTheJobActivityKinds.Counted;
        for (var k = 0; k < count; k++)
        {
            // The k-th of count equal slots of the days since the first week, so no two entries share a day.
            var slot = (long)days * k / count;
            var next = (long)days * (k + 1) / count;
            var day = first.AddDays((int)(slot + random.Next((int)Math.Max(1, next - slot))));
            var kind = kinds[random.Next(kinds.Count)];
            var logged = At(day).AddHours(8 + random.Next(4));
            var status = day > today.AddDays(-21) ? OffTheJobEntryStatus.Waiting
                : random.Next(30) == 0 ? OffTheJobEntryStatus.Queried
                : OffTheJobEntryStatus.Approved;
            DateTimeOffset? decided = status == OffTheJobEntryStatus.Waiting ? null : logged.AddDays(2 + random.Next(5));
            writer.OffTheJob(enrolmentId, providerId, day, minutes, kind, $"{kind.DisplayName()}: what I practised, what I learnt and what I will try next time.",
                status, apprentice, logged, decided is null ? null : assessor, decided,
                status == OffTheJobEntryStatus.Queried ? "Which session was this? Please add the trainer's name." : null);
        }
    }

    /// <summary>
    /// The rows of each table, written the same on every database: <see cref="LargeSeedRows"/> decides only how. Tables are
    /// declared after the tables their foreign keys point to.
    /// </summary>
    private sealed class Writer
    {
        private readonly LargeSeedRows _rows;
        private readonly LargeSeedRows.Table _user;
        private readonly LargeSeedRows.Table _userRole;
        private readonly LargeSeedRows.Table _apprentice;
        private readonly LargeSeedRows.Table _enrolment;
        private readonly LargeSeedRows.Table _assignment;
        private readonly LargeSeedRows.Table _evidence;
        private readonly LargeSeedRows.Table _evidenceDuty;
        private readonly LargeSeedRows.Table _signOff;
        private readonly LargeSeedRows.Table _signOffEvidence;
        private readonly LargeSeedRows.Table _offTheJob;

        public Writer(LargeSeedRows rows)
        {
            _rows = rows;
            _user = rows.Declare("AspNetUsers",
                "Id", "DisplayName", "MustChangePassword", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
            _userRole = rows.Declare("AspNetUserRoles", "UserId", "RoleId");
            _apprentice = rows.Declare("Apprentices", "Id", "UserId", "TrainingProviderId", "GivenName", "FamilyName", "NameOrder", "NameSortKey", "Email");
            _enrolment = rows.Declare("Enrolments",
                "Id", "ApprenticeId", "StandardId", "TrainingProviderId", "EmployerId", "CohortId", "StartDate", "PlannedEndDate",
                "MinimumDurationMonths", "Status", "StatusChangedAt", "ConcurrencyStamp", "ContractedHoursPerWeek", "PriorLearningMinutes");
            _assignment = rows.Declare("AssessorAssignments", "Id", "EnrolmentId", "AssessorId", "AssignedAt");
            _evidence = rows.Declare("EvidenceItems",
                "Id", "EnrolmentId", "Title", "Type", "ActivityDate", "Description", "Status", "CreatedAt", "UpdatedAt", "SubmittedAt",
                "ReviewedAt", "SubmissionCount", "RevisionNumber", "ConcurrencyStamp");
            _evidenceDuty = rows.Declare("EvidenceDuties", "EvidenceItemId", "DutyId");
            _signOff = rows.Declare("DutySignOffs", "Id", "EnrolmentId", "DutyId", "AssessorId", "AssessorName", "Declaration", "SignedAt");
            _signOffEvidence = rows.Declare("SignOffEvidence", "DutySignOffId", "EvidenceItemId");
            _offTheJob = rows.Declare("OffTheJobEntries",
                "Id", "EnrolmentId", "TrainingProviderId", "ActivityDate", "Minutes", "Kind", "WhatWasLearnt", "Status", "Source", "RecordedByName",
                "CreatedAt", "UpdatedAt", "DecidedByName", "DecidedAt", "QueryReason", "ConcurrencyStamp");
        }

        public void User(string id, string email, string displayName, string passwordHash, string roleId)
        {
            var upper = email.ToUpperInvariant();
            _rows.Add(_user, id, displayName, false, email, upper, email, upper, true, passwordHash, Guid.NewGuid().ToString("N").ToUpperInvariant(),
                Guid.NewGuid().ToString(), false, false, true, 0);
            _rows.Add(_userRole, id, roleId);
        }

        public void Apprentice(Guid id, string userId, Guid providerId, string given, string family, string email) =>
            _rows.Add(_apprentice, id, userId, providerId, given, family, (int)NameOrder.GivenFirst, PersonName.SortKey(given, family), email);

        public void Enrolment(
            Guid id, Guid apprenticeId, Guid standardId, Guid providerId, Guid employerId, Guid cohortId, DateOnly start, DateOnly plannedEnd,
            int minimumMonths, EnrolmentStatus status, DateTimeOffset at) =>
            _rows.Add(_enrolment, id, apprenticeId, standardId, providerId, employerId, cohortId, start, plannedEnd, minimumMonths, status.ToString(), at,
                Guid.NewGuid(), Domain.Enrolments.Enrolment.DefaultContractedHoursPerWeek, 0);

        public void Assignment(Guid enrolmentId, Guid assessorId, DateTimeOffset at) =>
            _rows.Add(_assignment, Guid.NewGuid(), enrolmentId, assessorId, at);

        public void Evidence(
            Guid id, Guid enrolmentId, string title, EvidenceType type, DateOnly activity, string description, EvidenceStatus status,
            DateTimeOffset created, DateTimeOffset updated, DateTimeOffset? submitted, DateTimeOffset? reviewed) =>
            _rows.Add(_evidence, id, enrolmentId, title, type.ToString(), activity, description, status.ToString(), created, updated, submitted, reviewed,
                submitted is null ? 0 : 1, 1, Guid.NewGuid());

        public void EvidenceDuty(Guid itemId, Guid dutyId) => _rows.Add(_evidenceDuty, itemId, dutyId);

        public void OffTheJob(
            Guid enrolmentId, Guid providerId, DateOnly day, int minutes, OffTheJobActivityKind kind, string learnt, OffTheJobEntryStatus status,
            string recordedBy, DateTimeOffset logged, string? decidedBy, DateTimeOffset? decided, string? queryReason) =>
            _rows.Add(_offTheJob, Guid.NewGuid(), enrolmentId, providerId, day, minutes, kind.ToString(), learnt, status.ToString(),
                OffTheJobEntrySource.Apprentice.ToString(), recordedBy, logged, decided ?? logged, decidedBy, decided, queryReason, Guid.NewGuid());

        public void SignOff(Guid enrolmentId, Guid dutyId, Guid assessorId, string assessorName, string declaration, Guid evidenceId, DateTimeOffset at)
        {
            var id = Guid.NewGuid();
            _rows.Add(_signOff, id, enrolmentId, dutyId, assessorId, assessorName, declaration, at);
            _rows.Add(_signOffEvidence, id, evidenceId);
        }
    }
}
