namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EvidenceReviewConfiguration : IEntityTypeConfiguration<EvidenceReview>
{
    public void Configure(EntityTypeBuilder<EvidenceReview> builder)
    {
        builder.ToTable("EvidenceReviews");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Decision).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.Feedback).HasMaxLength(EvidenceReview.FeedbackMaxLength);
        builder.Property(x => x.AssessorName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.HasOne<Assessor>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.AssessorId);
    }
}
