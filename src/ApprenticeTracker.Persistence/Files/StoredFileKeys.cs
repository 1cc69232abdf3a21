namespace ApprenticeTracker.Persistence.Files;

/// <summary>The rows that refer to stored files: evidence attachments and the files of off-the-job entries.</summary>
public static class StoredFileKeys
{
    /// <summary>A stored file as a row refers to it: the row's id, what it belongs to, the file's name and key.</summary>
    public sealed record Reference(Guid Id, Guid? EvidenceItemId, string FileName, string StorageKey)
    {
        /// <summary>What the file belongs to, for messages: "evidence …" or "off-the-job entry …".</summary>
        public string Owner => EvidenceItemId is { } item ? $"evidence {item}" : $"off-the-job entry {Id}";
    }

    /// <summary>Every storage key a row refers to (with repeats: a revision shares its item's files).</summary>
    public static IQueryable<string> All(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Attachments.Select(a => a.StorageKey)
            .Concat(db.OffTheJobEntries.Where(e => e.Attachment != null).Select(e => e.Attachment!.StorageKey));
    }

    /// <summary>Every row that refers to a stored file (two queries: a union of constructed rows is not translated).</summary>
    public static async Task<List<Reference>> ReferencesAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var references = await db.Attachments.AsNoTracking()
            .Select(a => new Reference(a.Id, a.EvidenceItemId, a.FileName, a.StorageKey))
            .ToListAsync(ct);
        references.AddRange(await db.OffTheJobEntries.AsNoTracking()
            .Where(e => e.Attachment != null)
            .Select(e => new Reference(e.Id, null, e.Attachment!.FileName, e.Attachment.StorageKey))
            .ToListAsync(ct));
        return references;
    }
}
