namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// Reads what the sign-off and revoke pages show for an apprentice of the signed-in assessor's caseload; null when the
/// apprentice is not on it, or the duty or sign-off is not theirs.
/// </summary>
public sealed class SignOffQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    public async Task<SignOffModel?> ForDutyAsync(Guid enrolmentId, Guid dutyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = AccessScopes.Enrolments(db, user).Where(e => e.Id == enrolmentId);
        var heading = await ApprenticeHeadings.Of(db, enrolment).AsNoTracking().SingleOrDefaultAsync(ct);
        if (heading is null)
        {
            return null;
        }

        var standard = await db.Standards
            .AsNoTracking()
            .Include(s => s.Duties)
            .SingleAsync(s => s.Id == heading.StandardId, ct);
        var duty = standard.FindDuty(dutyId);
        if (duty is null)
        {
            return null;
        }

        var stamp = await enrolment.Select(e => e.ConcurrencyStamp).SingleAsync(ct);
        var candidates = await AccessScopes.Evidence(db, user)
            .AsNoTracking()
            .Where(e => e.EnrolmentId == enrolmentId && e.Status == EvidenceStatus.Accepted && e.Duties.Any(d => d.DutyId == dutyId))
            .OrderByDescending(e => e.ActivityDate)
            .ThenBy(e => e.Title)
            .ProjectToSignOffCandidate()
            .ToListAsync(ct);
        var active = await enrolment
            .SelectMany(e => e.SignOffs)
            .Where(s => s.DutyId == dutyId && s.RevokedAt == null)
            .Select(s => new SignOffSummary
            {
                Id = s.Id,
                DutyId = s.DutyId,
                DutyCode = duty.Code,
                AssessorName = s.AssessorName,
                SignedAt = s.SignedAt,
                EvidenceCount = s.Evidence.Count,
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(ct);

        return new SignOffModel
        {
            Apprentice = heading,
            DutyId = duty.Id,
            DutyCode = duty.Code,
            DutyStatement = duty.Statement,
            Declaration = SignOffDeclaration.For(heading.Name, standard, duty),
            ConcurrencyStamp = stamp,
            Candidates = candidates,
            ActiveSignOff = active,
        };
    }

    public async Task<RevokeModel?> ForRevocationAsync(Guid enrolmentId, Guid signOffId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = AccessScopes.Enrolments(db, user).Where(e => e.Id == enrolmentId);
        var heading = await ApprenticeHeadings.Of(db, enrolment).AsNoTracking().SingleOrDefaultAsync(ct);
        if (heading is null)
        {
            return null;
        }

        var signOff = await enrolment
            .SelectMany(e => e.SignOffs)
            .Where(s => s.Id == signOffId)
            .Join(db.Duties, s => s.DutyId, d => d.Id, (s, d) => new
            {
                Summary = new SignOffSummary
                {
                    Id = s.Id,
                    DutyId = s.DutyId,
                    DutyCode = d.Code,
                    AssessorName = s.AssessorName,
                    SignedAt = s.SignedAt,
                    EvidenceCount = s.Evidence.Count,
                    RevokedAt = s.RevokedAt,
                    RevokedByName = s.RevokedByName,
                    RevocationReason = s.RevocationReason,
                },
                d.Statement,
                s.Declaration,
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (signOff is null)
        {
            return null;
        }

        var evidenceIds = enrolment.SelectMany(e => e.SignOffs).Where(s => s.Id == signOffId).SelectMany(s => s.Evidence).Select(e => e.EvidenceItemId);
        var titles = await AccessScopes.Evidence(db, user)
            .AsNoTracking()
            .Where(e => evidenceIds.Contains(e.Id))
            .OrderBy(e => e.Title)
            .Select(e => e.Title)
            .ToListAsync(ct);
        var stamp = await enrolment.Select(e => e.ConcurrencyStamp).SingleAsync(ct);
        return new RevokeModel
        {
            Apprentice = heading,
            SignOff = signOff.Summary,
            DutyStatement = signOff.Statement,
            Declaration = signOff.Declaration,
            EvidenceTitles = titles,
            ConcurrencyStamp = stamp,
        };
    }
}
