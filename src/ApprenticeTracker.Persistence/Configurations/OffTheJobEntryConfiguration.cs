using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class OffTheJobEntryConfiguration : IEntityTypeConfiguration<OffTheJobEntry>
{
    public void Configure(EntityTypeBuilder<OffTheJobEntry> builder)
    {
        builder.ToTable("OffTheJobEntries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.WhatWasLearnt).HasMaxLength(OffTheJobEntry.TextMaxLength).IsRequired();
        builder.Property(x => x.Reflection).HasMaxLength(OffTheJobEntry.TextMaxLength);
        builder.Property(x => x.QueryReason).HasMaxLength(OffTheJobEntry.ReasonMaxLength);
        builder.Property(x => x.RecordedByName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.DecidedByName).HasMaxLength(Lengths.PersonName);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.Source).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(x => x.IsChangeable);

        // The optional file, in the entry's own row ("Attachment_…" columns): the file name is present exactly when there is one.
        builder.OwnsOne(x => x.Attachment, file =>
        {
            file.Property(f => f.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
            file.Property(f => f.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
            file.Property(f => f.Sha256).HasMaxLength(Attachment.Sha256HexLength).IsFixedLength().IsRequired();
            file.Property(f => f.StorageKey).HasMaxLength(Attachment.StorageKeyMaxLength).IsRequired();
            file.HasIndex(f => f.StorageKey);
        });
        builder.Navigation(x => x.Attachment).IsRequired(false);

        builder.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);

        // The apprentice's log by date; the review lists by status; the forecast reads the approved minutes by date.
        builder.HasIndex(x => new { x.EnrolmentId, x.ActivityDate });
        builder.HasIndex(x => new { x.EnrolmentId, x.Status, x.ActivityDate, x.Minutes });

        builder.HasMany(x => x.Duties).WithOne().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Duties).HasField("_duties").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Evidence).WithOne().HasForeignKey(e => e.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
