namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("EvidenceItems");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(EvidenceItem.TitleMaxLength).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(EvidenceItem.DescriptionMaxLength);
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(x => x.IsEditable);

        builder.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.RevisionOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.EnrolmentId, x.Status });
        builder.HasIndex(x => new { x.EnrolmentId, x.ActivityDate });
        builder.HasIndex(x => x.RevisionOfId);

        // For the cohort dashboard: the latest submission per enrolment, read from the index alone, and the evidence of
        // a set of enrolments by status with the id that joins to the duty links, without visiting the table.
        builder.HasIndex(x => new { x.EnrolmentId, x.SubmittedAt });
        builder.HasIndex(x => new { x.EnrolmentId, x.Status, x.Id });

        builder.HasMany(x => x.Duties).WithOne().HasForeignKey(d => d.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Duties).HasField("_duties").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Ksbs).WithOne().HasForeignKey(k => k.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Ksbs).HasField("_ksbs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Reviews).WithOne().HasForeignKey(r => r.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
