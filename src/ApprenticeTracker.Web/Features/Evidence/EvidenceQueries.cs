namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Reads the signed-in apprentice's evidence for the evidence pages; every read goes through <see cref="AccessScopes"/>.</summary>
public sealed class EvidenceQueries(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    /// <summary>The duties and KSBs of the apprentice's standard version; null when they have no enrolment.</summary>
    public async Task<EvidenceFormChoices?> ChoicesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        return enrolment is null ? null : await ChoicesAsync(db, enrolment, ct);
    }

    /// <summary>One item of the signed-in apprentice with everything about it; null when it is not theirs.</summary>
    public async Task<EvidenceDetailModel?> DetailAsync(Guid itemId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolment is null)
        {
            return null;
        }

        var item = await AccessScopes.Evidence(db, user).AsNoTracking()
            .Where(i => i.Id == itemId && i.EnrolmentId == enrolment.Id)
            .ProjectToEvidenceDetail()
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var mapped = db.Set<EvidenceDuty>().Where(m => m.EvidenceItemId == itemId).Select(m => m.DutyId);
        item.Duties = await db.Duties.AsNoTracking().Where(d => mapped.Contains(d.Id)).OrderBy(d => d.Number).ProjectToDutyChoice().ToListAsync(ct);
        var ksbs = db.Set<EvidenceKsb>().Where(m => m.EvidenceItemId == itemId).Select(m => m.KsbId);
        item.Ksbs = await db.Ksbs.AsNoTracking().Where(k => ksbs.Contains(k.Id)).OrderBy(k => k.Kind).ThenBy(k => k.Position).ProjectToKsbChoice().ToListAsync(ct);
        item.Attachments = await db.Attachments.AsNoTracking().Where(a => a.EvidenceItemId == itemId).OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName).ProjectToAttachmentRow().ToListAsync(ct);
        item.EnrolmentStatus = enrolment.Status;
        item.Reviews = await db.EvidenceReviews.AsNoTracking().Where(r => r.EvidenceItemId == itemId).OrderByDescending(r => r.ReviewedAt).ProjectToReviewRow().ToListAsync(ct);
        item.Versions = await VersionsAsync(db, enrolment.Id, itemId, item.RevisionOfId, ct);
        return item;
    }

    /// <summary>
    /// The versions of one item: a revision names the item it revises, so the chain is followed back to the original
    /// and forward through every revision. Chains are short (one a revision), so it reads one link at a time.
    /// </summary>
    private async Task<IReadOnlyList<EvidenceVersion>> VersionsAsync(AppDbContext db, Guid enrolmentId, Guid itemId, Guid? revisionOfId, CancellationToken ct)
    {
        var mine = AccessScopes.Evidence(db, user).AsNoTracking().Where(i => i.EnrolmentId == enrolmentId);
        var original = itemId;
        for (var previous = revisionOfId; previous is { } id;)
        {
            original = id;
            previous = await mine.Where(i => i.Id == id).Select(i => i.RevisionOfId).SingleOrDefaultAsync(ct);
        }

        var versions = new List<EvidenceVersion>();
        for (Guid? next = original; next is { } id;)
        {
            var version = await mine.Where(i => i.Id == id)
                .Select(i => new EvidenceVersion(i.Id, i.RevisionNumber, i.Status, i.UpdatedAt))
                .SingleOrDefaultAsync(ct);
            if (version is null)
            {
                break;
            }

            versions.Add(version);
            next = await mine.Where(i => i.RevisionOfId == id).OrderBy(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        }

        return versions;
    }

    /// <summary>One page of the apprentice's evidence; null when they have no enrolment.</summary>
    public async Task<EvidenceListModel?> ListAsync(EvidenceListFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolment is null)
        {
            return null;
        }

        var all = AccessScopes.Evidence(db, user).AsNoTracking().Where(i => i.EnrolmentId == enrolment.Id);
        var matching = all;
        if (filter.DutyId is { } dutyId)
        {
            matching = matching.Where(i => db.Set<EvidenceDuty>().Any(m => m.EvidenceItemId == i.Id && m.DutyId == dutyId));
        }

        if (filter.Status is { } status)
        {
            matching = matching.Where(i => i.Status == status);
        }

        if (filter.Type is { } type)
        {
            matching = matching.Where(i => i.Type == type);
        }

        var total = await matching.CountAsync(ct);
        var pageCount = Math.Max(1, (total + EvidenceListFilter.PageSize - 1) / EvidenceListFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var ordered = filter.OldestFirst
            ? matching.OrderBy(i => i.ActivityDate).ThenBy(i => i.CreatedAt)
            : matching.OrderByDescending(i => i.ActivityDate).ThenByDescending(i => i.CreatedAt);
        var rows = await ordered
            .Skip((page - 1) * EvidenceListFilter.PageSize)
            .Take(EvidenceListFilter.PageSize)
            .ProjectToEvidenceListRow()
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var codes = await (
                from m in db.Set<EvidenceDuty>()
                join d in db.Duties on m.DutyId equals d.Id
                where ids.Contains(m.EvidenceItemId)
                orderby d.Number
                select new { m.EvidenceItemId, d.Code })
            .ToListAsync(ct);
        var byItem = codes.ToLookup(c => c.EvidenceItemId, c => c.Code);
        foreach (var row in rows)
        {
            row.DutyCodes = byItem[row.Id].ToList();
        }

        return new EvidenceListModel
        {
            Filter = filter with { Page = page },
            Rows = rows,
            Duties = (await ChoicesAsync(db, enrolment, ct)).Duties,
            TotalMatching = total,
            HasAnyEvidence = total > 0 || await all.AnyAsync(ct),
            EnrolmentStatus = enrolment.Status,
        };
    }

    private static async Task<EvidenceFormChoices> ChoicesAsync(AppDbContext db, ApprenticeEnrolment enrolment, CancellationToken ct) => new()
    {
        StandardDisplayReference = enrolment.StandardDisplayReference,
        EnrolmentStatus = enrolment.Status,
        Duties = await db.Duties.AsNoTracking().Where(d => d.StandardId == enrolment.StandardId).OrderBy(d => d.Number).ProjectToDutyChoice().ToListAsync(ct),
        Ksbs = await db.Ksbs.AsNoTracking().Where(k => k.StandardId == enrolment.StandardId).OrderBy(k => k.Kind).ThenBy(k => k.Position).ProjectToKsbChoice().ToListAsync(ct),
    };
}
