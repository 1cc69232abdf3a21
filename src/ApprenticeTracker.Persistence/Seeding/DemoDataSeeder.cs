using System.Globalization;
using System.Text;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>
/// Fills an empty database with demonstration data on ST0413 v1.1: two training providers, their employers, cohorts,
/// assessors and provider administrators, and about 24 apprentices with evidence in every state and varied progress.
/// Everything is made through the domain's own methods, so the audit log is as real use would leave it. The content is
/// the same on every run (a fixed random seed); dates follow from the clock's "now".
/// </summary>
public sealed class DemoDataSeeder
{
    /// <summary>The one password of every demo account. It exists only in demo data.</summary>
    public const string DemoPassword = "Demo-password-2026";

    public const string ApprenticeEmail = "apprentice@example.org";
    public const string AssessorEmail = "assessor@example.org";
    public const string ProviderEmail = "provider@example.org";
    public const string ProviderBAdminEmail = "provider-b@example.org";

    /// <summary>A contact of the first demo employer (the first provider's).</summary>
    public const string EmployerEmail = "employer@example.org";

    /// <summary>A contact of the second demo employer (the second provider's).</summary>
    public const string EmployerBEmail = "employer-b@example.org";

    public const string StandardReference = "ST0413";
    public const string StandardVersion = "1.1";

    private const int Seed = 413;
    private const string ProviderAUkprn = "10012345";
    private const string ProviderBUkprn = "10067890";

    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly UserManager<AppUser> _users;
    private readonly RoleManager<IdentityRole> _roles;
    private readonly TimeProvider _time;
    private readonly EvidenceFileStore? _files;

    /// <param name="files">Where the demo attachments are written; without a store the demo evidence has no files.</param>
    public DemoDataSeeder(IDbContextFactory<AppDbContext> factory, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider time, EvidenceFileStore? files = null)
    {
        _factory = factory;
        _users = users;
        _roles = roles;
        _time = time;
        _files = files;
    }

    /// <summary>Creates the demo data, or does nothing and returns false when it already exists.</summary>
    /// <exception cref="InvalidOperationException">ST0413 v1.1 has not been imported.</exception>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var standard = await db.Standards
            .Include(s => s.Duties)
            .Include(s => s.Ksbs)
            .Include(s => s.GatewayRequirements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.ReferenceNumber == StandardReference && s.Version == StandardVersion, ct)
            ?? throw new InvalidOperationException(
                $"The demo data needs {StandardReference} v{StandardVersion}. Import it first, for example with the verb 'import-standard samples/standards/ST0413-v1.1.json'.");

        var providerAdmin = _users.NormalizeEmail(ProviderEmail);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == providerAdmin, ct)
            || await db.TrainingProviders.AnyAsync(p => p.Ukprn == ProviderAUkprn || p.Ukprn == ProviderBUkprn, ct))
        {
            return false;
        }

        foreach (var role in Roles.All)
        {
            if (!await _roles.RoleExistsAsync(role))
            {
                var created = await _roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"The role {role} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
        }

        var roleIds = await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, ct);

        // Hashing is deliberately slow; every demo account shares the one password, so it is hashed once.
        var passwordHash = _users.PasswordHasher.HashPassword(new AppUser(), DemoPassword);
        var files = await StoreDemoFilesAsync(ct);
        try
        {
            new Builder(db, _users, standard, roleIds, passwordHash, _time.GetUtcNow(), files).Build();

            // As an evidence save does: rows written, files moved into place, then the commit.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var (_, file) in files)
            {
                _files!.Place(file.StorageKey);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            foreach (var (_, file) in files)
            {
                _files?.Discard(file.StorageKey);
            }

            throw;
        }

        return true;
    }

    /// <summary>A few small real files for the demo apprentice's evidence, so that downloads work in the demo.</summary>
    private async Task<IReadOnlyList<(string FileName, StoredFile File)>> StoreDemoFilesAsync(CancellationToken ct)
    {
        if (_files is null)
        {
            return [];
        }

        var contents = new (string Name, byte[] Bytes)[]
        {
            ("ecg-trace.png", DemoFiles.Png()),
            ("supervisor-notes.txt", DemoFiles.Text("Notes from my supervisor, written up the same afternoon.")),
            ("reflection.txt", DemoFiles.Text("My reflection on the activity, using Gibbs' cycle.")),
        };
        var stored = new List<(string, StoredFile)>();
        foreach (var (name, bytes) in contents)
        {
            using var stream = new MemoryStream(bytes);
            stored.Add((name, await _files.StageAsync(stream, name, bytes.Length, ct)));
        }

        return stored;
    }

    /// <summary>The fixed minimum of off-the-job hours the demo gives ST0413 v1.1, whose real figure is not known here.</summary>
    public const int DemoOffTheJobMinimumHours = 800;

    /// <summary>
    /// The ULN of the demo apprentice at <paramref name="number"/> in the catalogue: a made-up number that passes the
    /// check digit, so that the demo shows the ULN everywhere and imports by it (the demo apprentice's is number 0).
    /// </summary>
    public static Uln UlnFor(int number)
    {
        for (var first = 300_000_000L + (number * 13L); ; first++)
        {
            for (var check = 0; check < 10; check++)
            {
                if (Uln.TryParse(string.Create(CultureInfo.InvariantCulture, $"{first}{check}"), out var uln, out _))
                {
                    return uln;
                }
            }
        }
    }

    /// <summary>Makes the demo records in one context, to be saved at once.</summary>
    private sealed class Builder
    {
        private readonly AppDbContext _db;
        private readonly UserManager<AppUser> _users;
        private readonly Standard _standard;
        private readonly IReadOnlyDictionary<string, string> _roleIds;
        private readonly string _passwordHash;
        private readonly DateTimeOffset _now;

        private readonly DateOnly _today;
        private readonly Random _random = new(Seed);

        // Each demo employer's contact and their actor, who agrees to gateway for that employer's apprentices and signs
        // the demo's progress reviews.
        private readonly Dictionary<Guid, (EmployerContact Contact, Actor Actor)> _contacts = [];

        // Its own sequence, so that the off-the-job history leaves the rest of the demo data as it was.
        private readonly Random _offTheJobRandom = new(Seed + 1);
        private int _offTheJobIndex;

        /// <summary>Counts the apprentices given evidence, to give each a pace in turn (<see cref="WaitingSince"/>).</summary>
        private int _paced;
        private readonly IReadOnlyList<(string FileName, StoredFile File)> _files;

        public Builder(
            AppDbContext db, UserManager<AppUser> users, Standard standard, IReadOnlyDictionary<string, string> roleIds, string passwordHash, DateTimeOffset now,
            IReadOnlyList<(string FileName, StoredFile File)> files)
        {
            _files = files;
            _db = db;
            _users = users;
            _standard = standard;
            _roleIds = roleIds;
            _passwordHash = passwordHash;
            _now = now;
            _today = DateOnly.FromDateTime(now.UtcDateTime);
        }

        public void Build()
        {
            var thisMonth = new DateOnly(_today.Year, _today.Month, 1);
            var earlierStart = thisMonth.AddMonths(-20);
            var laterStart = thisMonth.AddMonths(-5);
            var setUpAt = At(earlierStart.AddMonths(-2), 9);

            var providerA = TrainingProvider.Create("University of Northbridge", ProviderAUkprn, Actor.System, setUpAt);
            var providerB = TrainingProvider.Create("Southgate Institute of Health Sciences", ProviderBUkprn, Actor.System, setUpAt);
            _db.TrainingProviders.AddRange(providerA, providerB);
            var adminA = ActorFor(User(ProviderEmail, "Helen Marsh", Roles.ProviderAdmin, providerA.Id), "Helen Marsh");
            var adminB = ActorFor(User(ProviderBAdminEmail, "Dafydd Llewelyn", Roles.ProviderAdmin, providerB.Id), "Dafydd Llewelyn");

            var employerA = Employer.Create(providerA, "Northbridge Teaching Hospitals NHS Foundation Trust", adminA, setUpAt.AddHours(1));
            var employerB = Employer.Create(providerB, "Southgate and Vale NHS Trust", adminB, setUpAt.AddHours(1));
            _db.Employers.AddRange(employerA, employerB);
            AddEmployerContact(employerA, EmployerEmail, "Zoë", "Hartley", "Workplace mentor", adminA, setUpAt.AddHours(1));
            AddEmployerContact(employerB, EmployerBEmail, "Gareth", "Pritchard", "Line manager", adminB, setUpAt.AddHours(1));

            var earlierIntake = Cohort.Create(providerA, CohortName(earlierStart), earlierStart, adminA, setUpAt.AddHours(2));
            var laterIntake = Cohort.Create(providerA, CohortName(laterStart), laterStart, adminA, At(laterStart.AddMonths(-1), 9));
            var intakeB = Cohort.Create(providerB, CohortName(earlierStart), earlierStart, adminB, setUpAt.AddHours(2));
            _db.Cohorts.AddRange(earlierIntake, laterIntake, intakeB);

            // The fixed minimum of off-the-job hours for ST0413 is not known here: the demo sets one, and the pages say so.
            if (_standard.OffTheJobMinimumHours is null)
            {
                _standard.SetOffTheJobMinimum(DemoOffTheJobMinimumHours, adminA, setUpAt);
            }
            var assessorA1 = AddAssessor(providerA, AssessorEmail, "Grace", "Adeyemi", "Practice educator", adminA, setUpAt.AddHours(3));
            var assessorA2 = AddAssessor(providerA, "tomasz.kowalczyk@example.org", "Tomasz", "Kowalczyk", "Senior lecturer in healthcare science", adminA, setUpAt.AddHours(3));
            var assessorB = AddAssessor(providerB, "roisin.ni.bhriain@example.org", "Róisín", "Ní Bhriain", "Practice educator", adminB, setUpAt.AddHours(3));

            // The demo assessor (assessor@example.org) also co-assesses every fourth apprentice of the later intake, so
            // that signing in as them shows both cohorts.
            var index = 0;
            foreach (var spec in DemoCatalogue.Apprentices)
            {
                var (provider, employer, cohort, admin, assessors) = spec.Group switch
                {
                    DemoGroup.ProviderAEarlierIntake => (providerA, employerA, earlierIntake, adminA, new[] { assessorA1 }),
                    DemoGroup.ProviderALaterIntake => (providerA, employerA, laterIntake, adminA, index % 4 == 0 ? new[] { assessorA2, assessorA1 } : new[] { assessorA2 }),
                    _ => (providerB, employerB, intakeB, adminB, new[] { assessorB }),
                };
                AddApprentice(spec, provider, employer, cohort, admin, assessors, UlnFor(index));
                index++;
            }
        }

        private void AddApprentice(DemoApprentice spec, TrainingProvider provider, Employer employer, Cohort cohort, Actor admin, Assessor[] assessors, Uln uln)
        {
            var start = cohort.StartDate;
            var fullName = PersonName.Full(spec.GivenName, spec.FamilyName, spec.NameOrder);
            var user = User(spec.Email ?? EmailFor(spec), fullName, Roles.Apprentice, null);
            var apprentice = Apprentice.Register(provider, user.Id, spec.GivenName, spec.FamilyName, spec.NameOrder, user.Email!, admin, At(start.AddDays(-21), 10));
            var self = ActorFor(user, fullName);
            var enrolment = Enrolment.Enrol(apprentice, _standard, employer, cohort, start, start.AddMonths(_standard.TypicalDurationMonths).AddDays(-1), admin, At(start.AddDays(-14), 10));
            enrolment.RecordUln(uln, admin, At(start.AddDays(-14), 10));
            foreach (var assessor in assessors)
            {
                enrolment.AssignAssessor(assessor, admin, At(start.AddDays(-14), 11));
            }

            _db.Apprentices.Add(apprentice);
            _db.Enrolments.Add(enrolment);

            var reviewer = assessors[0];
            var signedOff = spec.Progress switch
            {
                DemoProgress.All or DemoProgress.Gateway => _standard.Duties.Count,
                DemoProgress.Some => spec.SignedOff,
                _ => 0,
            };
            var dutyOrder = Shuffle(_standard.Duties.ToList());
            var evidence = AddEvidence(enrolment, reviewer, self, dutyOrder, signedOff, spec.Email == ApprenticeEmail ? _files : []);

            var lastSignedAt = DateTimeOffset.MinValue;
            var signOffs = new List<DutySignOff>();
            foreach (var duty in dutyOrder.Take(signedOff))
            {
                var basis = evidence.Where(e => e.Status == EvidenceStatus.Accepted && e.Supports(duty.Id)).ToList();
                var signedAt = Before(basis.Max(e => e.ReviewedAt!.Value).AddDays(1 + _random.Next(5)));
                lastSignedAt = signedAt > lastSignedAt ? signedAt : lastSignedAt;
                signOffs.Add(enrolment.SignOffDuty(
                    _standard, duty.Id, reviewer, basis, SignOffDeclaration.For(fullName, _standard, duty), signedAt));
            }

            if (spec.WithRevokedSignOff && signOffs.Count > 0)
            {
                enrolment.RevokeSignOff(
                    signOffs[^1].Id,
                    "The evidence shows the task observed, not the apprentice leading it. More evidence of leading the work is needed.",
                    reviewer.AsActor(),
                    Before(lastSignedAt.AddDays(7)));
            }

            var requirements = _standard.GatewayRequirements;
            var confirmed = spec.Progress switch
            {
                DemoProgress.Gateway => requirements.Count,
                DemoProgress.All => 3,
                DemoProgress.Some when signedOff >= 6 => 1,
                _ => 0,
            };
            foreach (var requirement in requirements.Take(confirmed))
            {
                enrolment.ConfirmGatewayRequirement(_standard, requirement.Key, ConfirmationNote(requirement.Key), admin, Before(lastSignedAt.AddDays(2)));
            }

            if (spec.Progress == DemoProgress.Gateway)
            {
                // Gateway needs the employer's agreement beside the provider's confirmations: the employer's demo contact gave
                // it. Apprentices with every duty signed off but not yet at gateway wait for it, for the demo employer to give.
                var (contact, contactActor) = _contacts[employer.Id];
                enrolment.AgreeGatewayReadiness(
                    contact, EmployerGatewayDeclaration.For(fullName, employer.Name, _standard), contactActor, Before(lastSignedAt.AddDays(2)));
            }

            if (spec.Progress == DemoProgress.Gateway)
            {
                // Gateway needs the off-the-job plan met: the log runs to the gateway day, all of it approved.
                var passAt = Before(lastSignedAt.AddDays(3));
                var entries = AddOffTheJob(enrolment, self, reviewer.AsActor(), admin, ServiceClock.DateOf(passAt));
                var progress = EnrolmentProgress.Compute(
                    _standard.Duties.Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement)),
                    evidence.SelectMany(e => e.Duties.Select(m => new EvidenceMapping(e.Id, m.DutyId, e.Status))),
                    enrolment.SignOffs.Where(s => s.IsActive).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));
                var offTheJob = OffTheJobProgress.Compute(
                    OffTheJobPlan.Of(enrolment, _standard), entries.Select(e => new OffTheJobFigure(e.ActivityDate, e.Minutes, e.Status)), _today);
                enrolment.PassGateway(GatewayReadiness.Assess(enrolment, _standard, progress, _today, offTheJob), admin, passAt);
            }
            else
            {
                // An apprentice with every duty signed off is ready for gateway, so their log meets the plan by today.
                var entries = AddOffTheJob(enrolment, self, reviewer.AsActor(), admin, gatewayOn: spec.Progress == DemoProgress.All ? _today : null);
                AddProgressReview(spec, enrolment, employer, self, fullName, reviewer, entries);
            }
        }

        /// <summary>
        /// A completed progress review, signed by the three parties, held a week to about six weeks ago (by the name, not
        /// the random sequence, so that the rest of the demo data stays as it was), for every apprentice in learning long
        /// enough to have had one: the demo's reviews are up to date, and the caseload's review rule finds nobody overdue.
        /// </summary>
        private void AddProgressReview(DemoApprentice spec, Enrolment enrolment, Employer employer, Actor self, string fullName, Assessor reviewer, List<OffTheJobEntry> entries)
        {
            var heldOn = _today.AddDays(-(7 + (((spec.GivenName.Length * 13) + (spec.FamilyName.Length * 7)) % 35)));
            if (heldOn < enrolment.StartDate.AddDays(28) || !_contacts.TryGetValue(employer.Id, out var employerContact))
            {
                return;
            }

            var contact = new ReviewSignatory(employerContact.Contact.UserId, employerContact.Contact.FullName, employerContact.Contact.JobTitle);

            var offTheJob = OffTheJobProgress.Compute(
                OffTheJobPlan.Of(enrolment, _standard),
                entries.Where(e => e.ActivityDate <= heldOn).Select(e => new OffTheJobFigure(e.ActivityDate, e.Minutes, e.Status)),
                heldOn);
            var content = new ProgressReviewContent(
                heldOn,
                "The actions agreed at the last review are done.",
                "Teaching on the module in progress, and supervised practice on the ward.",
                null,
                "Progress by duty as the portfolio shows it; the next duties to evidence agreed.",
                null, null, null, null, null,
                WellbeingChecked: true,
                WellbeingNotes: null,
                NextReviewOn: ProgressReviewRules.For(enrolment.StartDate).DueAfter(heldOn),
                AgreedIntervalWeeks: null,
                AgreedIntervalReason: null,
                Actions: [new ReviewActionContent("Log evidence for the next duty agreed", ReviewParty.Apprentice, heldOn.AddDays(28))]);
            var at = At(heldOn, 15);
            var review = ProgressReview.Draft(enrolment, content, new ReviewOffTheJob(offTheJob.PlannedToDateMinutes, offTheJob.ApprovedMinutes), _today, reviewer.AsActor(), at);
            var declaration = review.Declaration(fullName);
            review.Sign(ReviewParty.Provider, new ReviewSignatory(reviewer.UserId, reviewer.FullName, "Assessor"), declaration, at.AddMinutes(5));
            review.Sign(ReviewParty.Apprentice, new ReviewSignatory(self.UserId, fullName, "Apprentice"), declaration, At(heldOn.AddDays(1), 18));
            review.Sign(ReviewParty.Employer, contact, declaration, At(heldOn.AddDays(2), 9));
            _db.ProgressReviews.Add(review);
        }

        private static readonly int[] GatewaySteps = [7, 3, 2, 1];

        /// <summary>
        /// A fortnightly off-the-job history to today (or gateway): most apprentices on plan, every fourth well behind,
        /// every fourth from the second a little behind, the third with recognised prior learning; entries of the last
        /// two weeks wait for approval, and every fifth apprentice has one queried. An apprentice who passes gateway on
        /// <paramref name="gatewayOn"/> has a log that meets the plan by then, all of it approved.
        /// </summary>
        private List<OffTheJobEntry> AddOffTheJob(Enrolment enrolment, Actor self, Actor reviewer, Actor admin, DateOnly? gatewayOn)
        {
            var index = _offTheJobIndex++;
            var added = new List<OffTheJobEntry>();
            if (enrolment.Status.IsFinal())
            {
                return added;
            }

            if (index == 2)
            {
                enrolment.RecordPriorLearning(
                    80, "Completed the physiological measurement module of a foundation degree in 2023 (transcript seen).", admin, At(enrolment.StartDate.AddDays(-10), 10));
            }

            var first = enrolment.StartDate.AddDays(9);
            var last = gatewayOn is { } gateway && gateway < _today ? gateway.AddDays(-1) : _today.AddDays(-1);
            var step = 14;
            var fixedMinutes = (int?)null;
            if (gatewayOn is not null && OffTheJobPlan.Of(enrolment, _standard).PlannedMinutes is { } planned)
            {
                // Often enough that whole entries of at most ten hours meet the plan by gateway.
                step = GatewaySteps.First(s => s == 1 || ((last.DayNumber - first.DayNumber) / s + 1) * 600 >= planned);
                var count = Math.Max(1, (last.DayNumber - first.DayNumber) / step + 1);
                fixedMinutes = Math.Min(OffTheJobRules.MaxMinutesPerEntry, (int)Math.Ceiling(planned / (decimal)count / 15) * 15);
            }

            var hoursPerFortnight = (index % 4) switch
            {
                1 => 6m,
                3 => 9.25m,
                _ => 11.5m,
            };
            var kinds = OffTheJobActivityKinds.Counted;
            var queried = false;
            var none = new HashSet<Guid>();
            var duties = _standard.Duties;
            for (var day = first; day <= last; day = day.AddDays(step))
            {
                var minutes = fixedMinutes ?? (int)(hoursPerFortnight * 60) + (15 * (_offTheJobRandom.Next(5) - 2));
                var kind = kinds[_offTheJobRandom.Next(kinds.Count)];
                var duty = duties[_offTheJobRandom.Next(duties.Count)];
                var entry = OffTheJobEntry.Log(
                    enrolment, _standard, new OffTheJobContent(day, Math.Min(minutes, OffTheJobRules.MaxMinutesPerEntry), kind, OffTheJobLearning(kind, duty)),
                    [duty.Id], [], none, 0, _today, self, Before(At(day, 18)));
                if (gatewayOn is not null || day < _today.AddDays(-14))
                {
                    entry.Approve(enrolment, reviewer, Before(At(day.AddDays(gatewayOn is null ? 4 : 0), gatewayOn is null ? 11 : 20)));
                }
                else if (!queried && index % 5 == 0)
                {
                    entry.Query(enrolment, "Was this within your contracted hours? Please add which session it was.", reviewer, Before(At(day.AddDays(1), 11)));
                    queried = true;
                }

                _db.OffTheJobEntries.Add(entry);
                added.Add(entry);
            }

            return added;
        }

        private static string OffTheJobLearning(OffTheJobActivityKind kind, Duty duty) =>
            $"{kind.DisplayName()} towards {duty.Code}: what I practised, what I learnt and what I will try next time.";

        /// <summary>
        /// About fifteen items: accepted items for the duties to be signed off, at least one item in each other state
        /// (draft, submitted, referred back, resubmitted), and the rest at random; older items are further along.
        /// </summary>
        /// <param name="files">Files to attach, one to each of the first items (the oldest, so mostly accepted ones).</param>
        private List<EvidenceItem> AddEvidence(Enrolment enrolment, Assessor reviewer, Actor self, List<Duty> dutyOrder, int signedOff, IReadOnlyList<(string FileName, StoredFile File)> files)
        {
            var count = Math.Max(13 + _random.Next(5), signedOff + 4);
            var plan = new List<(Planned State, Duty? ForDuty)>();
            plan.AddRange(dutyOrder.Take(signedOff).Select(d => (Planned.Accepted, (Duty?)d)));
            plan.AddRange([(Planned.Draft, null), (Planned.Submitted, null), (Planned.ReferredBack, null), (Planned.Resubmitted, null)]);
            while (plan.Count < count)
            {
                var roll = _random.Next(100);
                var state = roll < 40 ? Planned.Accepted : roll < 55 ? Planned.Submitted : roll < 70 ? Planned.Draft : roll < 85 ? Planned.ReferredBack : Planned.Resubmitted;
                plan.Add((state, null));
            }

            // Activity up to three weeks ago, so that every later step of an item's history is in the past.
            var first = enrolment.StartDate.AddDays(7);
            var last = _today.AddDays(-21);
            var span = Math.Max(1, last.DayNumber - first.DayNumber);
            var dates = Enumerable.Range(0, plan.Count).Select(_ => first.AddDays(_random.Next(span))).Order().ToList();
            var ordered = plan.OrderBy(p => (int)p.State + (_random.NextDouble() * 1.5)).ToList();
            var waitingSince = WaitingSince(_paced++);
            var catalogue = Shuffle(DemoCatalogue.Evidence.ToList());
            var items = new List<EvidenceItem>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (state, forDuty) = ordered[i];
                var duties = new List<Guid> { (forDuty ?? dutyOrder[_random.Next(dutyOrder.Count)]).Id };
                if (_random.Next(100) < 35)
                {
                    duties.Add(dutyOrder[_random.Next(dutyOrder.Count)].Id);
                }

                var (type, title) = catalogue[i % catalogue.Count];

                var waiting = state is Planned.Submitted or Planned.Resubmitted;
                var activity = waiting && dates[i] > waitingSince.AddDays(-8) ? waitingSince.AddDays(-8) : dates[i];
                var content = new EvidenceContent(title, type, activity, DemoCatalogue.Descriptions[_random.Next(DemoCatalogue.Descriptions.Length)]);
                var at = waiting ? At(activity, 17) : At(activity, 17).AddHours(_random.Next(48));
                var item = EvidenceItem.Draft(enrolment, _standard, content, duties, [], _today, self, at);
                if (i < files.Count)
                {
                    var (name, file) = files[i];
                    item.Attach(enrolment, Attachment.Describe(name, file.SizeBytes, file.Sha256, file.Kind.ContentType, file.StorageKey, at), 10, self, at);
                }

                if (waiting)
                {
                    Wait(item, state, enrolment, reviewer, self, At(waitingSince, 9).AddHours(_random.Next(8)));
                }
                else
                {
                    Advance(item, state, enrolment, reviewer, self, at);
                }
                items.Add(item);
            }

            _db.EvidenceItems.AddRange(items);
            return items;
        }

        /// <summary>
        /// About when an apprentice's evidence still waiting for review was sent, so that a caseload shows the
        /// red/amber/green rule at work (the rule's defaults: amber after 7 days waiting, red after 14): in each four
        /// apprentices, two sent it days ago (green), one over a week ago (amber), one weeks ago (red).
        /// </summary>
        private DateOnly WaitingSince(int apprentice) => (apprentice % 4) switch
        {
            0 or 1 => _today.AddDays(-3 - _random.Next(3)),
            2 => _today.AddDays(-10 - _random.Next(2)),
            _ => _today.AddDays(-20 - _random.Next(20)),
        };

        /// <summary>
        /// Leaves an item waiting for review since <paramref name="sentAt"/>: submitted then, or submitted a week
        /// before, referred back and resubmitted then. The activity it records came before, so it is dated earlier.
        /// </summary>
        private static void Wait(EvidenceItem item, Planned state, Enrolment enrolment, Assessor reviewer, Actor self, DateTimeOffset sentAt)
        {
            if (state == Planned.Resubmitted)
            {
                item.Submit(enrolment, self, sentAt.AddDays(-7));
                item.ReferBack(enrolment, reviewer, DemoCatalogue.ReferBackFeedback[0], sentAt.AddDays(-5));
            }

            item.Submit(enrolment, self, sentAt);
        }

        private void Advance(EvidenceItem item, Planned state, Enrolment enrolment, Assessor reviewer, Actor self, DateTimeOffset at)
        {
            if (state == Planned.Draft)
            {
                return;
            }

            at = at.AddDays(1 + _random.Next(2));
            item.Submit(enrolment, self, at);
            var referredFirst = state is Planned.ReferredBack or Planned.Resubmitted || (state == Planned.Accepted && _random.Next(100) < 20);
            if (referredFirst)
            {
                at = at.AddDays(2 + _random.Next(4));
                item.ReferBack(enrolment, reviewer, DemoCatalogue.ReferBackFeedback[_random.Next(DemoCatalogue.ReferBackFeedback.Length)], at);
                if (state == Planned.ReferredBack)
                {
                    return;
                }

                at = at.AddDays(1 + _random.Next(3));
                item.Submit(enrolment, self, at);
            }

            if (state == Planned.Accepted)
            {
                at = at.AddDays(2 + _random.Next(4));
                item.Accept(enrolment, reviewer, DemoCatalogue.AcceptFeedback[_random.Next(DemoCatalogue.AcceptFeedback.Length)], at);
            }
        }

        private Assessor AddAssessor(TrainingProvider provider, string email, string givenName, string familyName, string jobTitle, Actor admin, DateTimeOffset at)
        {
            var user = User(email, $"{givenName} {familyName}", Roles.Assessor, null);
            var assessor = Assessor.Register(provider, user.Id, givenName, familyName, NameOrder.GivenFirst, email, jobTitle, admin, at);
            _db.Assessors.Add(assessor);
            return assessor;
        }

        private void AddEmployerContact(Employer employer, string email, string givenName, string familyName, string jobTitle, Actor admin, DateTimeOffset at)
        {
            var user = User(email, $"{givenName} {familyName}", Roles.Employer, null);
            var contact = EmployerContact.Invite(employer, user.Id, givenName, familyName, email, jobTitle, admin, at);
            _db.EmployerContacts.Add(contact);
            _contacts[employer.Id] = (contact, ActorFor(user, contact.FullName));
        }

        /// <summary>An account as UserManager would create it, with the shared password hash; saved with everything else.</summary>
        private AppUser User(string email, string displayName, string role, Guid? providerId)
        {
            var user = new AppUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                NormalizedUserName = _users.NormalizeName(email),
                Email = email,
                NormalizedEmail = _users.NormalizeEmail(email),
                EmailConfirmed = true,
                DisplayName = displayName,
                PasswordHash = _passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                LockoutEnabled = true,
            };
            _db.Users.Add(user);
            _db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _roleIds[role] });
            if (providerId is { } id)
            {
                _db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = AppClaimTypes.TrainingProviderId, ClaimValue = id.ToString() });
            }

            return user;
        }

        private static Actor ActorFor(AppUser user, string displayName) => new(user.Id, displayName);

        private static string CohortName(DateOnly start) => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

        private static string? ConfirmationNote(string key) => key switch
        {
            "english-maths-l2" => "GCSE English and maths certificates seen.",
            "modules-passed" => "Confirmed by the exam board.",
            _ => null,
        };

        /// <summary>An ASCII address from a name: accents dropped, letters only, given.family@example.org.</summary>
        private static string EmailFor(DemoApprentice spec) =>
            $"{AsciiLetters(spec.GivenName)}.{AsciiLetters(spec.FamilyName)}@example.org";

        private static string AsciiLetters(string name)
        {
            var text = new StringBuilder();
            foreach (var c in name.Replace('ł', 'l').Replace('Ł', 'L').Replace('ı', 'i').Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetter(c))
                {
                    text.Append(char.ToLowerInvariant(c));
                }
            }

            return text.ToString();
        }

        private static DateTimeOffset At(DateOnly date, int hour) =>
            new(date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc));

        /// <summary>Keeps a derived time in the past.</summary>
        private DateTimeOffset Before(DateTimeOffset at) => at < _now ? at : _now.AddHours(-1);

        private List<T> Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }

            return items;
        }

        /// <summary>Where an item's history ends, in the order older items tend to have got to.</summary>
        private enum Planned
        {
            Accepted = 0,
            ReferredBack = 1,
            Resubmitted = 2,
            Submitted = 3,
            Draft = 4,
        }
    }
}
