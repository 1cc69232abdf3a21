using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Persistence.OffTheJob;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// One enrolment of the signed-in provider administrator's organisation, as its page shows it. An enrolment outside
/// it is "not found", never "forbidden", so its existence is not revealed.
/// </summary>
public sealed class EnrolmentQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    /// <summary>Each status change the page can offer, by its target, in the order the page lists them.</summary>
    private static readonly StatusAction[] Offered =
    [
        new("break", "Start a break in learning", true),
        new("resume", "Resume learning", false),
        new("gateway", "Pass gateway", false),
        new("return", "Return from gateway to learning", true),
        new("complete", "Record completion", false),
        new("withdraw", "Withdraw from the programme", true),
    ];

    /// <summary>The status changes the page offers for an enrolment: those the domain allows from its status.</summary>
    public static IReadOnlyList<StatusAction> StatusActionsOf(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var keys = enrolment.AllowedNextStatuses().Select(to => KeyOf(enrolment.Status, to)).ToHashSet(StringComparer.Ordinal);
        return Offered.Where(a => keys.Contains(a.Key)).ToList();
    }

    private static string KeyOf(EnrolmentStatus from, EnrolmentStatus to) => to switch
    {
        EnrolmentStatus.BreakInLearning => "break",
        EnrolmentStatus.Active when from == EnrolmentStatus.Gateway => "return",
        EnrolmentStatus.Active => "resume",
        EnrolmentStatus.Gateway => "gateway",
        EnrolmentStatus.Completed => "complete",
        _ => "withdraw",
    };

    private DateOnly Today => time.Today();

    public async Task<EnrolmentDetails?> RunAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user)
            .AsNoTracking()
            .Include(e => e.Assignments)
            .Include(e => e.SignOffs)
            .Include(e => e.GatewayConfirmations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrolment is null)
        {
            return null;
        }

        var standard = await EnrolmentChange.LoadStandardAsync(db, enrolment.StandardId, tracked: false, ct);
        var heading = await (
                from apprentice in db.Apprentices
                join employer in db.Employers on enrolment.EmployerId equals employer.Id
                where apprentice.Id == enrolment.ApprenticeId
                select new
                {
                    apprentice.GivenName,
                    apprentice.FamilyName,
                    apprentice.NameOrder,
                    apprentice.Email,
                    Employer = employer.Name,
                    Cohort = db.Cohorts.Where(c => c.Id == enrolment.CohortId).Select(c => c.Name).FirstOrDefault(),
                })
            .SingleAsync(ct);
        var mappings = await (
                from link in db.Set<EvidenceDuty>()
                join item in AccessScopes.Evidence(db, user) on link.EvidenceItemId equals item.Id
                where item.EnrolmentId == id
                select new EvidenceMapping(item.Id, link.DutyId, item.Status))
            .ToListAsync(ct);
        var progress = EnrolmentChange.Progress(standard, enrolment, mappings);
        var offTheJob = await OffTheJobReader.ProgressAsync(db, enrolment.Id, Today, ct);
        var readiness = GatewayReadiness.Assess(enrolment, standard, progress, Today, offTheJob);
        var current = enrolment.CurrentAssessorIds.ToHashSet();
        var providerId = ProviderScope.Of(user);
        var assessors = await PersonChoices.OrderedAsync(
            db.Assessors.AsNoTracking().Where(a => a.TrainingProviderId == providerId)
                .Select(a => new PersonChoices.Row(a.Id, a.GivenName, a.FamilyName, a.NameOrder)),
            ct);
        var confirmed = enrolment.GatewayConfirmations.Select(c => c.RequirementKey).ToHashSet(StringComparer.Ordinal);
        var signedOff = progress.Duties.Where(d => d.IsSignedOff).Select(d => d.Duty.DutyId).ToHashSet();
        return new EnrolmentDetails(
            enrolment.Id,
            PersonName.Full(heading.GivenName, heading.FamilyName, heading.NameOrder),
            heading.Email,
            enrolment.Uln,
            $"{standard.DisplayReference} – {standard.Title}",
            heading.Employer,
            heading.Cohort,
            enrolment.StartDate,
            enrolment.PlannedEndDate,
            enrolment.MinimumDurationMetOn,
            enrolment.ContractedHoursPerWeek,
            enrolment.PriorLearningMinutes,
            enrolment.Status,
            enrolment.StatusChangedAt,
            StatusActionsOf(enrolment),
            progress,
            progress.Duties
                .Select(d => (d.Duty, new DutyCell(signedOff.Contains(d.Duty.DutyId), d.Accepted, d.Submitted, d.ReferredBack)))
                .ToList(),
            readiness,
            assessors.Where(a => current.Contains(a.Id)).ToList(),
            enrolment.Status.AllowsAssessorChanges() ? assessors.Where(a => !current.Contains(a.Id)).ToList() : [],
            standard.GatewayRequirements.Where(r => !confirmed.Contains(r.Key)).Select(r => (r.Key, r.Label)).ToList());
    }

    /// <summary>What one of my organisation's enrolments plans its off-the-job hours from; null when not found.</summary>
    public async Task<OffTheJobPlanDetails?> OffTheJobPlanAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await (
                from e in AccessScopes.Enrolments(db, user).AsNoTracking()
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                join s in db.Standards on e.StandardId equals s.Id
                where e.Id == id
                select new
                {
                    e.Id,
                    a.GivenName,
                    a.FamilyName,
                    a.NameOrder,
                    Reference = s.ReferenceNumber + " v" + s.Version,
                    e.Status,
                    Plan = new OffTheJobPlan(e.StartDate, e.PlannedEndDate, e.GatewayPassedOn, e.ContractedHoursPerWeek, s.OffTheJobMinimumHours, e.PriorLearningMinutes),
                    s.OffTheJobMinimumSource,
                    e.PriorLearningReason,
                })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? null
            : new OffTheJobPlanDetails(row.Id, PersonName.Full(row.GivenName, row.FamilyName, row.NameOrder), row.Reference, row.Status, row.Plan, row.OffTheJobMinimumSource, row.PriorLearningReason);
    }
}
