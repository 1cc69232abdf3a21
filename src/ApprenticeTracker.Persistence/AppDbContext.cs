using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Persistence.Auditing;
using ApprenticeTracker.Persistence.Configurations;
using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Forms;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.ReadModels;
using ApprenticeTracker.Persistence.WhatsNew;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ApprenticeTracker.Persistence;

/// <summary>
/// The application's one database: the domain's aggregates, the audit log and the sign-in accounts. Saving stores the
/// audit events every tracked aggregate recorded, in the same transaction as the change itself and chained to the
/// events before them (<see cref="AuditChain"/>), refuses to change or remove a stored audit event, and refuses to
/// write the <see cref="DutyEvidenceCount"/>, <see cref="DashboardCount"/> and <see cref="OffTheJobTotal"/> summaries,
/// which only the database's triggers keep. On PostgreSQL it also holds the data-protection keys, which several instances
/// share.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        // Whoever made the connection (the host, a test, the dotnet-ef tool), SQL run through this context can hash
        // audit events: the migration that chained the events stored before the chain existed needs it.
        if (Database.GetDbConnection() is SqliteConnection connection)
        {
            AuditChain.Register(connection);
        }
    }

    public DbSet<Standard> Standards => Set<Standard>();

    public DbSet<Duty> Duties => Set<Duty>();

    public DbSet<Ksb> Ksbs => Set<Ksb>();

    public DbSet<GatewayRequirement> GatewayRequirements => Set<GatewayRequirement>();

    public DbSet<TrainingProvider> TrainingProviders => Set<TrainingProvider>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<EmployerContact> EmployerContacts => Set<EmployerContact>();

    public DbSet<Apprentice> Apprentices => Set<Apprentice>();

    public DbSet<Assessor> Assessors => Set<Assessor>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<AssessorAssignment> AssessorAssignments => Set<AssessorAssignment>();

    public DbSet<DutySignOff> DutySignOffs => Set<DutySignOff>();

    public DbSet<GatewayConfirmation> GatewayConfirmations => Set<GatewayConfirmation>();

    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<EvidenceReview> EvidenceReviews => Set<EvidenceReview>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<OffTheJobEntry> OffTheJobEntries => Set<OffTheJobEntry>();

    public DbSet<OffTheJobEntryDuty> OffTheJobEntryDuties => Set<OffTheJobEntryDuty>();

    public DbSet<OffTheJobEntryEvidence> OffTheJobEntryEvidence => Set<OffTheJobEntryEvidence>();

    /// <summary>Off-the-job minutes per enrolment by status, kept by the database's triggers; read-only here.</summary>
    public DbSet<OffTheJobTotal> OffTheJobTotals => Set<OffTheJobTotal>();

    /// <summary>One-time form tokens already used, so that a form submitted twice creates one record.</summary>
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    /// <summary>Mails to send, written in the same transaction as the change each tells of, and those sent or given up.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Each person's choices of how to receive each kind of mail; none means one mail each, as it happens.</summary>
    public DbSet<EmailPreference> EmailPreferences => Set<EmailPreference>();

    /// <summary>Up to when each person has seen what is new for them; none means nothing marked seen yet.</summary>
    public DbSet<SeenMark> SeenMarks => Set<SeenMark>();

    /// <summary>Evidence counts per enrolment and duty, kept by the database's triggers; read-only here.</summary>
    public DbSet<DutyEvidenceCount> DutyEvidenceCounts => Set<DutyEvidenceCount>();

    /// <summary>The cohort dashboard's figures per group of enrolments and duty, kept by the database's triggers; read-only here.</summary>
    public DbSet<DashboardCount> DashboardCounts => Set<DashboardCount>();

    /// <summary>
    /// The data-protection keys that protect sign-in cookies and form tokens; mapped on PostgreSQL only, where several
    /// instances share them (on SQLite they are files in the data folder, docs/decisions/0004).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var events = AddAuditEvents(detectChanges);
            if (events.Count == 0)
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }

            if (Database.CurrentTransaction is not null)
            {
                ChainAuditEvents(events);
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }

            using var transaction = Database.BeginTransaction();
            ChainAuditEvents(events);
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            transaction.Commit();
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var events = AddAuditEvents(detectChanges);
            if (events.Count == 0)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (Database.CurrentTransaction is not null)
            {
                await ChainAuditEventsAsync(events, cancellationToken);
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await ChainAuditEventsAsync(events, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (!Database.IsNpgsql())
        {
            builder.Ignore<DataProtectionKey>();
        }
        else
        {
            // The sort key is made to be compared character by character; the database's own collation would put it
            // in another order than SQLite's.
            builder.Entity<Apprentice>().Property(x => x.NameSortKey).UseCollation("C");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // DateOnly is mapped natively (ISO 8601 text, "2026-11-21", as the converter of earlier versions wrote it); the
        // length only keeps the model as the first migrations recorded it. DateTimeOffset still needs a converter: EF
        // Core 10 on SQLite cannot order or compare it in SQL (docs/decisions/0022).
        // On PostgreSQL both are native (date and timestamptz, which Npgsql writes only at offset zero, so every instant
        // is turned to UTC on the way in).
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
            return;
        }

        configurationBuilder.Properties<DateOnly>().HaveMaxLength(10);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>
    /// Refuses changes to stored audit events and to the duty evidence counts, and adds the events every tracked aggregate
    /// recorded; returns every audit event about to be inserted, in the order to chain them. Changes are detected
    /// once, here; the save that follows does not detect them again (the callers turn automatic detection off until it
    /// is done), which matters when a save holds thousands of rows.
    /// </summary>
    private List<EntityEntry<AuditEvent>> AddAuditEvents(bool detectChanges)
    {
        if (detectChanges)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entry in ChangeTracker.Entries<AuditEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit events are append-only: a stored audit event cannot be changed or deleted.");
            }
        }

        if (ChangeTracker.Entries<DutyEvidenceCount>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Duty evidence counts are kept by the database from the evidence itself and cannot be written.");
        }

        if (ChangeTracker.Entries<OffTheJobTotal>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Off-the-job totals are kept by the database from the entries themselves and cannot be written.");
        }

        if (ChangeTracker.Entries<DashboardCount>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Dashboard counts are kept by the database from the enrolments and their evidence and cannot be written.");
        }

        // Every tracked aggregate, whatever its state: an aggregate can record an event without a mapped property changing.
        // In time order, so that the sequence numbers the store gives follow the order in which things happened.
        var events = ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.State is not EntityState.Detached)
            .SelectMany(e => e.Entity.DequeueAuditEvents())
            .OrderBy(e => e.OccurredAt)
            .ToList();
        AuditEvents.AddRange(events);
        var fromAggregates = new HashSet<AuditEvent>(events, ReferenceEqualityComparer.Instance);
        var added = events.Select(e => Entry(e)).ToList();
        added.AddRange(ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added && !fromAggregates.Contains(e.Entity)));
        return added;
    }

    /// <summary>
    /// Numbers and hashes the events about to be inserted, after the last event stored. Called inside the transaction
    /// that inserts them: Microsoft.Data.Sqlite begins transactions with <c>BEGIN IMMEDIATE</c>, so this transaction
    /// holds the database's one write lock from before the last event is read until the new ones are committed, and no
    /// other writer can chain to the same event (docs/decisions/0055).
    /// </summary>
    /// <remarks>
    /// PostgreSQL lets writers run side by side, so there the transaction first locks the audit table in a mode that
    /// conflicts with itself and with every other insert (<c>SHARE ROW EXCLUSIVE</c>) but not with readers: chaining
    /// writers, from any instance, take turns until commit.
    /// </remarks>
    private void ChainAuditEvents(List<EntityEntry<AuditEvent>> events)
    {
        if (Database.IsNpgsql())
        {
            Database.ExecuteSqlRaw(LockAuditEvents);
        }

        Link(events, AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Select(LastLink).FirstOrDefault());
    }

    private async Task ChainAuditEventsAsync(List<EntityEntry<AuditEvent>> events, CancellationToken ct)
    {
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync(LockAuditEvents, ct);
        }

        Link(events, await AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Select(LastLink).FirstOrDefaultAsync(ct));
    }

    private const string LockAuditEvents = $"LOCK TABLE \"{AuditEventConfiguration.TableName}\" IN SHARE ROW EXCLUSIVE MODE";

    private static readonly System.Linq.Expressions.Expression<Func<AuditEvent, ChainLink>> LastLink =
        e => new ChainLink(e.Id, EF.Property<string>(e, AuditEventConfiguration.HashColumn));

    private static void Link(List<EntityEntry<AuditEvent>> events, ChainLink? last)
    {
        var id = last?.Id ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        foreach (var entry in events)
        {
            id++;
            var hash = AuditChain.Hash(previous, id, entry.Entity);
            entry.Property(e => e.Id).CurrentValue = id;
            entry.Property<string>(AuditEventConfiguration.PreviousHashColumn).CurrentValue = previous;
            entry.Property<string>(AuditEventConfiguration.HashColumn).CurrentValue = hash;
            previous = hash;
        }
    }

    private sealed record ChainLink(long Id, string Hash);
}
