namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(Attachment.Sha256HexLength).IsFixedLength().IsRequired();
        builder.Property(x => x.StorageKey).HasMaxLength(Attachment.StorageKeyMaxLength).IsRequired();

        // Not unique: a revision's attachments share the stored file of the accepted item they copy.
        builder.HasIndex(x => x.StorageKey);
    }
}
