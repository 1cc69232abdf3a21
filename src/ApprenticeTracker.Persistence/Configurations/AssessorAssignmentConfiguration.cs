namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class AssessorAssignmentConfiguration : IEntityTypeConfiguration<AssessorAssignment>
{
    public void Configure(EntityTypeBuilder<AssessorAssignment> builder)
    {
        builder.ToTable("AssessorAssignments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Ignore(x => x.IsCurrent);
        builder.HasOne<Assessor>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.AssessorId);
    }
}
