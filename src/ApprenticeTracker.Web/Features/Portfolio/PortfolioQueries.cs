using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Web.Components;

namespace ApprenticeTracker.Web.Features.Portfolio;

/// <summary>
/// Reads the signed-in apprentice's progress: the duties, the (item, duty, status) mappings and the sign-offs in
/// force, projected, then computed by the domain's <see cref="EnrolmentProgress"/>. Every read goes through
/// <see cref="AccessScopes"/>.
/// </summary>
public sealed class PortfolioQueries(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    /// <summary>The portfolio; null when the apprentice has no enrolment.</summary>
    public async Task<PortfolioModel?> PortfolioAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolment is null)
        {
            return null;
        }

        var evidence = AccessScopes.Evidence(db, user).AsNoTracking().Where(i => i.EnrolmentId == enrolment.Id);
        var duties = await db.Duties.AsNoTracking()
            .Where(d => d.StandardId == enrolment.StandardId)
            .ProjectToPortfolioDuty()
            .ToListAsync(ct);
        var mappingRows = await (
                from item in evidence
                join m in db.Set<EvidenceDuty>() on item.Id equals m.EvidenceItemId
                select new { item.Id, m.DutyId, item.Status })
            .ToListAsync(ct);
        var signOffs = await db.DutySignOffs.AsNoTracking()
            .Where(s => s.EnrolmentId == enrolment.Id && s.RevokedAt == null)
            .ProjectToSignOffRow()
            .ToListAsync(ct);

        var progress = EnrolmentProgress.Compute(
            duties.Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement)),
            mappingRows.Select(m => new EvidenceMapping(m.Id, m.DutyId, m.Status)),
            signOffs.Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));

        // The latest review of each item as correlated subqueries, which read the item's reviews through their index;
        // a whole-row FirstOrDefault would become a window function numbering every review in the database.
        var reviews = db.EvidenceReviews;
        var referredBack = await evidence
            .Where(i => i.Status == EvidenceStatus.ReferredBack)
            .OrderByDescending(i => i.ReviewedAt)
            .Select(i => new
            {
                i.Id,
                i.Title,
                Feedback = reviews.Where(r => r.EvidenceItemId == i.Id).OrderByDescending(r => r.ReviewedAt).Select(r => r.Feedback).FirstOrDefault(),
                AssessorName = reviews.Where(r => r.EvidenceItemId == i.Id).OrderByDescending(r => r.ReviewedAt).Select(r => r.AssessorName).FirstOrDefault(),
                ReviewedAt = reviews.Where(r => r.EvidenceItemId == i.Id).OrderByDescending(r => r.ReviewedAt).Select(r => (DateTimeOffset?)r.ReviewedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var drafts = await evidence
            .Where(i => i.Status == EvidenceStatus.Draft)
            .OrderByDescending(i => i.UpdatedAt)
            .ProjectToEvidenceLink()
            .ToListAsync(ct);

        return new PortfolioModel
        {
            Enrolment = enrolment,
            Duties = progress.Duties.Select(d => new DutyTile(
                d.Duty.DutyId, d.Duty.Code, ShortTitles.For(d.Duty.Statement), d.Duty.Statement, d.Draft, d.Submitted, d.Accepted, d.ReferredBack,
                d.SignOff?.AssessorName, d.SignOff?.SignedAt)).ToList(),
            DutiesSignedOff = progress.DutiesSignedOff,
            TotalDuties = progress.TotalDuties,
            PercentSignedOff = progress.PercentSignedOff,
            ReferredBack = referredBack.Select(r => new ReferredBackItem(r.Id, r.Title, r.Feedback, r.AssessorName, r.ReviewedAt)).ToList(),
            Drafts = drafts,
        };
    }

    /// <summary>
    /// A duty of the apprentice's standard version with their evidence mapped to it and its sign-offs; null when the
    /// duty is not of their standard. Duties are shared by everyone on the version, so the evidence and sign-offs are
    /// those of the signed-in apprentice's own enrolment only.
    /// </summary>
    public async Task<DutyPageModel?> DutyAsync(Guid dutyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolment is null)
        {
            return null;
        }

        var duty = await db.Duties.AsNoTracking()
            .Where(d => d.Id == dutyId && d.StandardId == enrolment.StandardId)
            .ProjectToPortfolioDuty()
            .SingleOrDefaultAsync(ct);
        if (duty is null)
        {
            return null;
        }

        var evidence = await AccessScopes.Evidence(db, user).AsNoTracking()
            .Where(i => i.EnrolmentId == enrolment.Id && db.Set<EvidenceDuty>().Any(m => m.EvidenceItemId == i.Id && m.DutyId == dutyId))
            .OrderByDescending(i => i.ActivityDate)
            .ProjectToEvidenceLink()
            .ToListAsync(ct);
        var signOffs = await db.DutySignOffs.AsNoTracking()
            .Where(s => s.EnrolmentId == enrolment.Id && s.DutyId == dutyId)
            .OrderByDescending(s => s.SignedAt)
            .ProjectToSignOffRow()
            .ToListAsync(ct);
        var signOffIds = signOffs.Select(s => s.Id).ToList();
        var basis = await (
                from link in db.Set<Domain.Enrolments.SignOffEvidence>()
                join item in AccessScopes.Evidence(db, user) on link.EvidenceItemId equals item.Id
                where signOffIds.Contains(link.DutySignOffId)
                select new { link.DutySignOffId, item.Id, item.Title, item.Status, item.Type, item.ActivityDate, item.UpdatedAt })
            .ToListAsync(ct);
        var basisBySignOff = basis.ToLookup(b => b.DutySignOffId);
        foreach (var signOff in signOffs)
        {
            signOff.Evidence = basisBySignOff[signOff.Id]
                .Select(b => new EvidenceLink { Id = b.Id, Title = b.Title, Status = b.Status, Type = b.Type, ActivityDate = b.ActivityDate, UpdatedAt = b.UpdatedAt })
                .ToList();
        }

        return new DutyPageModel
        {
            Duty = duty,
            StandardDisplayReference = enrolment.StandardDisplayReference,
            EnrolmentStatus = enrolment.Status,
            Evidence = evidence,
            SignOffs = signOffs,
        };
    }
}
