using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(x => x.ContractedHoursPerWeek).HasPrecision(4, 2);
        builder.Property(x => x.PriorLearningReason).HasMaxLength(Enrolment.ReasonMaxLength);
        builder.Property(x => x.Uln).HasMaxLength(Uln.Length).IsFixedLength();
        builder.Ignore(x => x.CurrentAssessorIds);
        builder.Ignore(x => x.MinimumDurationMetOn);
        builder.Ignore(x => x.EmployerAgreement);
        builder.Property(x => x.EmployerAgreedByName).HasMaxLength(EmployerContact.NameAndJobTitleMaxLength);
        builder.Property(x => x.EmployerAgreementDeclaration).HasMaxLength(EmployerGatewayDeclaration.MaxLength);
        // EmployerAgreedByContactId has no foreign key, for the reason given in EvidenceItemConfiguration (WitnessContactId).

        builder.HasOne<Apprentice>().WithMany().HasForeignKey(x => x.ApprenticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.TrainingProviderId);
        builder.HasIndex(x => x.CohortId);
        // The dashboard finds each apprentice's enrolment in its provider, walking the apprentices in name order.
        builder.HasIndex(x => new { x.ApprenticeId, x.TrainingProviderId });
        // A learner number names one learner within a provider; enrolments without one (null) do not clash.
        builder.HasIndex(x => new { x.TrainingProviderId, x.Uln }).IsUnique();

        builder.HasMany(x => x.Assignments).WithOne().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Assignments).HasField("_assignments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.SignOffs).WithOne().HasForeignKey(s => s.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.GatewayConfirmations).WithOne().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.GatewayConfirmations).HasField("_gatewayConfirmations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
