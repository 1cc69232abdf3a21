using ApprenticeTracker.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprenticeTracker.Persistence.Configurations;

/// <summary>
/// The audit log: no foreign keys, so that an event outlives whatever it describes. The initial migration adds
/// triggers that refuse any UPDATE or DELETE.
/// </summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public const string TableName = "AuditEvents";

    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.ActorUserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.ActorName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.Action).HasMaxLength(AuditEvent.ActionMaxLength).IsRequired();
        builder.Property(x => x.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength).IsRequired();
        builder.Property(x => x.Details).HasMaxLength(AuditEvent.DetailsMaxLength);
        builder.HasIndex(x => new { x.EnrolmentId, x.Id });
        builder.HasIndex(x => new { x.TrainingProviderId, x.Id });
        builder.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}
