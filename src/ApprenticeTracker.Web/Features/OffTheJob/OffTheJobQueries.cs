using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>Reads the off-the-job pages, every query scoped by <see cref="AccessScopes"/>.</summary>
public sealed class OffTheJobQueries(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    /// <summary>
    /// An apprentice's page: the signed-in apprentice's latest enrolment when <paramref name="enrolmentId"/> is null,
    /// otherwise that enrolment if the user may see it; null when there is none.
    /// </summary>
    public async Task<OffTheJobPageModel?> PageAsync(Guid? enrolmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolments = AccessScopes.Enrolments(db, user).AsNoTracking();
        enrolments = enrolmentId is { } id
            ? enrolments.Where(e => e.Id == id)
            : enrolments.Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId).OrderByDescending(e => e.StartDate);
        var head = await (
                from e in enrolments
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                join s in db.Standards on e.StandardId equals s.Id
                select new
                {
                    e.Id,
                    Name = PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder),
                    Reference = s.ReferenceNumber + " v" + s.Version,
                    s.OffTheJobMinimumSource,
                    e.PriorLearningReason,
                    e.Status,
                    Plan = new OffTheJobPlan(e.StartDate, e.PlannedEndDate, e.GatewayPassedOn, e.ContractedHoursPerWeek, s.OffTheJobMinimumHours, e.PriorLearningMinutes),
                })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var entries = await RowsAsync(db, db.OffTheJobEntries.Where(x => x.EnrolmentId == head.Id), ct);
        var progress = OffTheJobProgress.Compute(head.Plan, entries.Select(e => new OffTheJobFigure(e.ActivityDate, e.Minutes, e.Status)), Today);
        return new OffTheJobPageModel(
            head.Id, head.Name, head.Reference, head.OffTheJobMinimumSource, head.PriorLearningReason, progress,
            entries.OrderByDescending(e => e.ActivityDate).ToList(), !head.Status.IsFinal());
    }

    /// <summary>One of the provider's cohorts with its apprentices in learning; null when the cohort is not the user's to act on.</summary>
    public async Task<CohortSessionModel?> CohortSessionAsync(Guid cohortId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = await AccessScopes.Cohorts(db, user).Where(c => c.Id == cohortId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var rows = await (
                from e in CohortSessionEnrolments(db, user, cohortId)
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                select new { e.Id, a.GivenName, a.FamilyName, a.NameOrder, e.StartDate })
            .ToListAsync(ct);
        var apprentices = rows
            .OrderBy(r => r.FamilyName, PersonName.Order).ThenBy(r => r.GivenName, PersonName.Order)
            .Select(r => new CohortSessionApprentice(r.Id, PersonName.Full(r.GivenName, r.FamilyName, r.NameOrder), r.StartDate))
            .ToList();
        return new CohortSessionModel(cohortId, name, apprentices);
    }

    /// <summary>
    /// The enrolments a cohort's taught session is recorded for: those of the cohort in learning (active, not on a break,
    /// not past gateway), within the user's scope.
    /// </summary>
    internal static IQueryable<Enrolment> CohortSessionEnrolments(AppDbContext db, CurrentUser user, Guid cohortId) =>
        AccessScopes.Enrolments(db, user).Where(e => e.CohortId == cohortId && e.Status == EnrolmentStatus.Active);

    /// <summary>One of the signed-in apprentice's own entries, with its links, for the amend form; null when not theirs.</summary>
    public async Task<(OffTheJobEntryRow Entry, OffTheJobForm Form)?> OwnEntryAsync(Guid entryId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var own = OwnEntries(db).Where(x => x.Id == entryId);
        var rows = await RowsAsync(db, own, ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var duties = await db.OffTheJobEntryDuties.Where(d => d.EntryId == entryId).Select(d => d.DutyId).ToListAsync(ct);
        var evidence = await db.OffTheJobEntryEvidence.Where(d => d.EntryId == entryId).Select(d => d.EvidenceItemId).ToListAsync(ct);
        return (rows[0], OffTheJobForm.From(rows[0], duties, evidence));
    }

    /// <summary>The duties and evidence the signed-in apprentice's form offers; null without an enrolment.</summary>
    public async Task<OffTheJobFormChoices?> ChoicesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user).AsNoTracking()
            .Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId)
            .OrderByDescending(e => e.StartDate)
            .Select(e => new { e.Id, e.StandardId })
            .FirstOrDefaultAsync(ct);
        if (enrolment is null)
        {
            return null;
        }

        var duties = await db.Duties.AsNoTracking().Where(d => d.StandardId == enrolment.StandardId).OrderBy(d => d.Number)
            .Select(d => new OffTheJobChoice(d.Id, "D" + d.Number + " " + d.Statement))
            .ToListAsync(ct);
        var evidence = await db.EvidenceItems.AsNoTracking().Where(i => i.EnrolmentId == enrolment.Id).OrderByDescending(i => i.ActivityDate)
            .Select(i => new OffTheJobChoice(i.Id, i.Title))
            .ToListAsync(ct);
        return new OffTheJobFormChoices(duties, evidence);
    }

    /// <summary>The entries waiting for the assessor's or provider's decision, oldest first.</summary>
    public async Task<IReadOnlyList<OffTheJobEntryRow>> WaitingAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var closed = Enum.GetValues<EnrolmentStatus>().Where(s => s.IsFinal()).ToList();
        var open = db.Enrolments.Where(e => !closed.Contains(e.Status)).Select(e => e.Id);
        var rows = await RowsAsync(db, AccessScopes.OffTheJobEntriesToDecide(db, user).Where(x => x.Status == OffTheJobEntryStatus.Waiting && open.Contains(x.EnrolmentId)), ct);
        return rows.OrderBy(r => r.ActivityDate).ThenBy(r => r.ApprenticeName, StringComparer.Ordinal).ToList();
    }

    /// <summary>One entry the user may approve or query; null when not theirs to decide.</summary>
    public async Task<OffTheJobEntryRow?> ToDecideAsync(Guid entryId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await RowsAsync(db, AccessScopes.OffTheJobEntriesToDecide(db, user).Where(x => x.Id == entryId), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private DateOnly Today => time.Today();

    private IQueryable<OffTheJobEntry> OwnEntries(AppDbContext db)
    {
        var own = AccessScopes.Enrolments(db, user).Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId).Select(e => e.Id);
        return db.OffTheJobEntries.Where(x => own.Contains(x.EnrolmentId));
    }

    private static async Task<List<OffTheJobEntryRow>> RowsAsync(AppDbContext db, IQueryable<OffTheJobEntry> entries, CancellationToken ct)
    {
        var rows = await (
                from x in entries.AsNoTracking()
                join e in db.Enrolments on x.EnrolmentId equals e.Id
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                select new
                {
                    x.Id,
                    x.EnrolmentId,
                    Name = PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder),
                    x.ActivityDate,
                    x.Minutes,
                    x.Kind,
                    x.WhatWasLearnt,
                    x.Reflection,
                    x.Status,
                    x.Source,
                    x.QueryReason,
                    x.DecidedByName,
                    x.ConcurrencyStamp,
                    AttachmentName = x.Attachment == null ? null : x.Attachment.FileName,
                })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var duties = await (
                from d in db.OffTheJobEntryDuties
                join duty in db.Duties on d.DutyId equals duty.Id
                where ids.Contains(d.EntryId)
                orderby duty.Number
                select new { d.EntryId, duty.Number })
            .ToListAsync(ct);
        var codes = duties.ToLookup(d => d.EntryId, d => "D" + d.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return rows.Select(r => new OffTheJobEntryRow(
                r.Id, r.EnrolmentId, r.Name, r.ActivityDate, r.Minutes, r.Kind, r.WhatWasLearnt, r.Reflection, r.Status, r.Source, r.QueryReason,
                r.DecidedByName, r.ConcurrencyStamp, codes[r.Id].ToList())
            {
                AttachmentName = r.AttachmentName,
            })
            .ToList();
    }
}
