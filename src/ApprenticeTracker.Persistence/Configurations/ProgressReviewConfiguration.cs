using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class ProgressReviewConfiguration : IEntityTypeConfiguration<ProgressReview>
{
    public void Configure(EntityTypeBuilder<ProgressReview> builder)
    {
        builder.ToTable("ProgressReviews");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ProgressAgainstActions).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.TrainingSince).HasMaxLength(ProgressReview.TextMaxLength).IsRequired();
        builder.Property(x => x.OffTheJobSlippage).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.DutyProgress).HasMaxLength(ProgressReview.TextMaxLength).IsRequired();
        builder.Property(x => x.ApprenticeConcerns).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.EmployerConcerns).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.ProviderConcerns).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.ChangesOfCircumstance).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.TrainingPlanChanges).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.WellbeingNotes).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Property(x => x.AgreedIntervalReason).HasMaxLength(AgreedReviewInterval.ReasonMaxLength);
        builder.Property(x => x.DraftedByUserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.DraftedByName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(x => x.IsLocked);
        builder.Ignore(x => x.IsComplete);
        builder.Ignore(x => x.AgreedInterval);

        builder.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);

        // The last completed review of each enrolment, which sets when the next is due.
        builder.HasIndex(x => new { x.EnrolmentId, x.CompletedAt, x.HeldOn });

        builder.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.ProgressReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Signatures).WithOne().HasForeignKey(s => s.ProgressReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Addenda).WithOne().HasForeignKey(a => a.ProgressReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Addenda).HasField("_addenda").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        builder.ToTable("ProgressReviewActions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Description).HasMaxLength(ProgressReview.ActionMaxLength).IsRequired();
        builder.Property(x => x.Owner).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
    }
}

internal sealed class ReviewSignatureConfiguration : IEntityTypeConfiguration<ReviewSignature>
{
    public void Configure(EntityTypeBuilder<ReviewSignature> builder)
    {
        builder.ToTable("ProgressReviewSignatures");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Party).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.UserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.Capacity).HasMaxLength(ProgressReview.CapacityMaxLength).IsRequired();
        builder.Property(x => x.Declaration).HasMaxLength(ProgressReview.DeclarationMaxLength);
        builder.Property(x => x.DeclineReason).HasMaxLength(ProgressReview.TextMaxLength);
        builder.Ignore(x => x.IsDeclined);
        builder.HasIndex(x => new { x.ProgressReviewId, x.Party });
    }
}

internal sealed class ReviewAddendumConfiguration : IEntityTypeConfiguration<ReviewAddendum>
{
    public void Configure(EntityTypeBuilder<ReviewAddendum> builder)
    {
        builder.ToTable("ProgressReviewAddenda");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Text).HasMaxLength(ProgressReview.TextMaxLength).IsRequired();
        builder.Property(x => x.ByUserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.ByName).HasMaxLength(Lengths.PersonName).IsRequired();
    }
}
