using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Reads one apprentice of the signed-in assessor's caseload; null when they are not on it.</summary>
public sealed class ApprenticeOverviewQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    public async Task<ApprenticeOverviewModel?> RunAsync(Guid enrolmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = AccessScopes.Enrolments(db, user).Where(e => e.Id == enrolmentId);
        var heading = await ApprenticeHeadings.Of(db, enrolment).AsNoTracking().SingleOrDefaultAsync(ct);
        if (heading is null)
        {
            return null;
        }

        var duties = await db.Duties
            .AsNoTracking()
            .Where(d => d.StandardId == heading.StandardId)
            .OrderBy(d => d.Number)
            .ProjectToDutyRef()
            .ToListAsync(ct);
        var evidence = await AccessScopes.Evidence(db, user)
            .AsNoTracking()
            .Where(e => e.EnrolmentId == enrolmentId && e.Status != EvidenceStatus.Draft)
            .Select(e => new { e.Id, e.Title, e.Type, e.Status, e.ActivityDate, e.SubmittedAt, DutyIds = e.Duties.Select(d => d.DutyId).ToList() })
            .ToListAsync(ct);
        var signOffs = await enrolment
            .AsNoTracking()
            .SelectMany(e => e.SignOffs)
            .Select(s => new
            {
                s.Id,
                s.DutyId,
                s.AssessorName,
                s.SignedAt,
                EvidenceCount = s.Evidence.Count,
                s.RevokedAt,
                s.RevokedByName,
                s.RevocationReason,
            })
            .ToListAsync(ct);

        var codes = duties.ToDictionary(d => d.DutyId);
        var progress = EnrolmentProgress.Compute(
            duties,
            evidence.SelectMany(e => e.DutyIds.Select(d => new EvidenceMapping(e.Id, d, e.Status))),
            signOffs.Where(s => s.RevokedAt is null).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));
        return new ApprenticeOverviewModel
        {
            Apprentice = heading,
            Progress = progress,
            Evidence = evidence
                .OrderByDescending(e => e.ActivityDate)
                .ThenByDescending(e => e.SubmittedAt)
                .Select(e => new EvidenceSummary
                {
                    Id = e.Id,
                    Title = e.Title,
                    Type = e.Type,
                    Status = e.Status,
                    ActivityDate = e.ActivityDate,
                    SubmittedAt = e.SubmittedAt,
                    DutyCodes = e.DutyIds.Where(codes.ContainsKey).Select(d => codes[d]).OrderBy(d => d.Number).Select(d => d.Code).ToList(),
                })
                .ToList(),
            SignOffs = signOffs
                .OrderByDescending(s => s.SignedAt)
                .Select(s => new SignOffSummary
                {
                    Id = s.Id,
                    DutyId = s.DutyId,
                    DutyCode = codes.TryGetValue(s.DutyId, out var duty) ? duty.Code : string.Empty,
                    AssessorName = s.AssessorName,
                    SignedAt = s.SignedAt,
                    EvidenceCount = s.EvidenceCount,
                    RevokedAt = s.RevokedAt,
                    RevokedByName = s.RevokedByName,
                    RevocationReason = s.RevocationReason,
                })
                .ToList(),
        };
    }
}
