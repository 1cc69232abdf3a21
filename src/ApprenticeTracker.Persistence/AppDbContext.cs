using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Forms;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.ReadModels;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence;

/// <summary>
/// The application's one database: the domain's aggregates, the audit log and the sign-in accounts. Saving stores the
/// audit events every tracked aggregate recorded, in the same transaction as the change itself, refuses to change
/// or remove a stored audit event, and refuses to write the <see cref="DutyEvidenceCount"/> and
/// <see cref="DashboardCount"/> summaries, which only the database's triggers keep.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    public DbSet<Standard> Standards => Set<Standard>();

    public DbSet<Duty> Duties => Set<Duty>();

    public DbSet<Ksb> Ksbs => Set<Ksb>();

    public DbSet<GatewayRequirement> GatewayRequirements => Set<GatewayRequirement>();

    public DbSet<TrainingProvider> TrainingProviders => Set<TrainingProvider>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

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

    /// <summary>One-time form tokens already used, so that a form submitted twice creates one record.</summary>
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    /// <summary>Mails to send, written in the same transaction as the change each tells of, and those sent or given up.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Each person's choices of how to receive each kind of mail; none means one mail each, as it happens.</summary>
    public DbSet<EmailPreference> EmailPreferences => Set<EmailPreference>();

    /// <summary>Evidence counts per enrolment and duty, kept by the database's triggers; read-only here.</summary>
    public DbSet<DutyEvidenceCount> DutyEvidenceCounts => Set<DutyEvidenceCount>();

    /// <summary>The cohort dashboard's figures per group of enrolments and duty, kept by the database's triggers; read-only here.</summary>
    public DbSet<DashboardCount> DashboardCounts => Set<DashboardCount>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            AddAuditEvents(detectChanges);
            return base.SaveChanges(acceptAllChangesOnSuccess);
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
            AddAuditEvents(detectChanges);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // DateOnly is mapped natively (ISO 8601 text, "2026-11-21", as the converter of earlier versions wrote it); the
        // length only keeps the model as the first migrations recorded it. DateTimeOffset still needs a converter: EF
        // Core 10 on SQLite cannot order or compare it in SQL (docs/decisions/0022).
        configurationBuilder.Properties<DateOnly>().HaveMaxLength(10);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>
    /// Refuses changes to stored audit events and to the duty evidence counts, and adds the events every tracked aggregate recorded. Changes are detected
    /// once, here; the save that follows does not detect them again (the callers turn automatic detection off until it
    /// is done), which matters when a save holds thousands of rows.
    /// </summary>
    private void AddAuditEvents(bool detectChanges)
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
    }
}
