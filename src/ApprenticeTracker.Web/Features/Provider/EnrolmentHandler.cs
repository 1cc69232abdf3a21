using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Components.Forms;
using ApprenticeTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>One enrolment as its provider sees it: details, progress by duty, the gateway checklist and what can change.</summary>
public sealed record EnrolmentDetails(
    Guid Id,
    string ApprenticeName,
    string Email,
    string Standard,
    string Employer,
    string? Cohort,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    DateOnly MinimumDurationMetOn,
    EnrolmentStatus Status,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<StatusAction> Actions,
    EnrolmentProgress Progress,
    IReadOnlyList<(DutyRef Duty, DutyCell Cell)> Duties,
    GatewayReadiness Readiness,
    IReadOnlyList<Choice> Assessors,
    IReadOnlyList<Choice> AssignableAssessors,
    IReadOnlyList<(string Key, string Label)> UnconfirmedRequirements);

/// <summary>A change of status the provider may make now, with whether it needs a reason.</summary>
public sealed record StatusAction(string Key, string Label, bool NeedsReason);

/// <summary>The form that changes an enrolment's status.</summary>
public sealed class StatusForm
{
    /// <summary>One of <see cref="EnrolmentHandler.StatusActions"/>' keys.</summary>
    public string? Action { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The form that assigns an assessor, or (with <see cref="UnassignId"/>) ends an assignment.</summary>
public sealed class AssessorForm
{
    public Guid? AssessorId { get; set; }

    public Guid? UnassignId { get; set; }
}

/// <summary>The form that confirms a gateway requirement.</summary>
public sealed class GatewayForm
{
    public string? Key { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// Reads and changes one enrolment of the signed-in provider administrator's organisation. An enrolment outside it is
/// "not found", never "forbidden", so its existence is not revealed.
/// </summary>
public sealed class EnrolmentHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    private const string NothingLeftToConfirm = "Every gateway requirement is confirmed: there is nothing left to confirm.";

    /// <summary>Every status change the page offers, keyed as the form posts it.</summary>
    public static IReadOnlyList<(StatusAction Action, EnrolmentStatus From, EnrolmentStatus To)> StatusActions { get; } =
    [
        (new StatusAction("break", "Start a break in learning", true), EnrolmentStatus.Active, EnrolmentStatus.BreakInLearning),
        (new StatusAction("resume", "Resume learning", false), EnrolmentStatus.BreakInLearning, EnrolmentStatus.Active),
        (new StatusAction("gateway", "Pass gateway", false), EnrolmentStatus.Active, EnrolmentStatus.Gateway),
        (new StatusAction("return", "Return from gateway to learning", true), EnrolmentStatus.Gateway, EnrolmentStatus.Active),
        (new StatusAction("complete", "Record completion", false), EnrolmentStatus.Gateway, EnrolmentStatus.Completed),
        (new StatusAction("withdraw", "Withdraw from the programme", true), EnrolmentStatus.Active, EnrolmentStatus.Withdrawn),
        (new StatusAction("withdraw", "Withdraw from the programme", true), EnrolmentStatus.BreakInLearning, EnrolmentStatus.Withdrawn),
        (new StatusAction("withdraw", "Withdraw from the programme", true), EnrolmentStatus.Gateway, EnrolmentStatus.Withdrawn),
    ];

    private DateOnly Today => time.Today();

    public async Task<EnrolmentDetails?> ReadAsync(Guid id, CancellationToken ct)
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

        var standard = await LoadStandardAsync(db, enrolment.StandardId, tracked: false, ct);
        var heading = await (
                from apprentice in db.Apprentices
                join employer in db.Employers on enrolment.EmployerId equals employer.Id
                where apprentice.Id == enrolment.ApprenticeId
                select new
                {
                    Name = apprentice.GivenName + " " + apprentice.FamilyName,
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
        var progress = Progress(standard, enrolment, mappings);
        var readiness = GatewayReadiness.Assess(enrolment, standard, progress, Today);
        var current = enrolment.CurrentAssessorIds.ToHashSet();
        var providerId = ProviderScope.Of(user);
        var assessors = await db.Assessors.AsNoTracking()
            .Where(a => a.TrainingProviderId == providerId)
            .OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName)
            .Select(a => new Choice(a.Id, a.GivenName + " " + a.FamilyName))
            .ToListAsync(ct);
        var confirmed = enrolment.GatewayConfirmations.Select(c => c.RequirementKey).ToHashSet(StringComparer.Ordinal);
        var signedOff = progress.Duties.Where(d => d.IsSignedOff).Select(d => d.Duty.DutyId).ToHashSet();
        return new EnrolmentDetails(
            enrolment.Id,
            heading.Name,
            heading.Email,
            $"{standard.DisplayReference} – {standard.Title}",
            heading.Employer,
            heading.Cohort,
            enrolment.StartDate,
            enrolment.PlannedEndDate,
            enrolment.MinimumDurationMetOn,
            enrolment.Status,
            enrolment.StatusChangedAt,
            StatusActions.Where(a => a.From == enrolment.Status).Select(a => a.Action).ToList(),
            progress,
            progress.Duties
                .Select(d => (d.Duty, new DutyCell(signedOff.Contains(d.Duty.DutyId), d.Accepted, d.Submitted, d.ReferredBack)))
                .ToList(),
            readiness,
            assessors.Where(a => current.Contains(a.Id)).ToList(),
            enrolment.Status.AllowsAssessorChanges() ? assessors.Where(a => !current.Contains(a.Id)).ToList() : [],
            standard.GatewayRequirements.Where(r => !confirmed.Contains(r.Key)).Select(r => (r.Key, r.Label)).ToList());
    }

    public Task<CommandResult> AssignAsync(Guid id, AssessorForm form, CancellationToken ct) =>
        ChangeAsync(id, nameof(AssessorForm.AssessorId), async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var assessor = await FindAssessorAsync(db, form.AssessorId, ct);
            if (assessor is null)
            {
                errors.Add(nameof(AssessorForm.AssessorId), "Choose an assessor of your organisation.");
                return;
            }

            enrolment.AssignAssessor(assessor, actor, at);
        }, ct);

    public Task<CommandResult> UnassignAsync(Guid id, AssessorForm form, CancellationToken ct) =>
        ChangeAsync(id, "UnassignId", async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var assessor = await FindAssessorAsync(db, form.UnassignId, ct);
            if (assessor is null)
            {
                errors.Add("UnassignId", "That assessor is not one of your organisation's.");
                return;
            }

            enrolment.UnassignAssessor(assessor, actor, at);
        }, ct);

    public Task<CommandResult> ChangeStatusAsync(Guid id, StatusForm form, CancellationToken ct) =>
        ChangeAsync(id, "Action", async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var reason = form.Reason ?? string.Empty;
            switch (form.Action)
            {
                case "break":
                    enrolment.StartBreakInLearning(reason, actor, at);
                    break;
                case "resume":
                    enrolment.ResumeLearning(actor, at);
                    break;
                case "withdraw":
                    enrolment.Withdraw(reason, actor, at);
                    break;
                case "return":
                    enrolment.ReturnFromGateway(reason, actor, at);
                    break;
                case "complete":
                    enrolment.Complete(actor, at);
                    break;
                case "gateway":
                    var standard = await LoadStandardAsync(db, enrolment.StandardId, tracked: false, ct);
                    var mappings = await (
                            from link in db.Set<EvidenceDuty>()
                            join item in AccessScopes.Evidence(db, user) on link.EvidenceItemId equals item.Id
                            where item.EnrolmentId == enrolment.Id
                            select new EvidenceMapping(item.Id, link.DutyId, item.Status))
                        .ToListAsync(ct);
                    var readiness = GatewayReadiness.Assess(enrolment, standard, Progress(standard, enrolment, mappings), Today);
                    enrolment.PassGateway(readiness, actor, at);
                    break;
                default:
                    errors.Add("Action", "Choose the change of status.");
                    break;
            }
        }, ct);

    public Task<CommandResult> ConfirmGatewayAsync(Guid id, GatewayForm form, CancellationToken ct) =>
        ChangeAsync(id, "Key", async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var standard = await LoadStandardAsync(db, enrolment.StandardId, tracked: false, ct);

            // The page shows no gateway form once every requirement is confirmed, so the refusal of a form opened before
            // the last one was has no field to link to, and says why nothing is left to do.
            var nothingLeft = !enrolment.Status.IsFinal()
                && standard.GatewayRequirements.All(r => enrolment.GatewayConfirmations.Any(c => c.RequirementKey == r.Key));
            if (string.IsNullOrWhiteSpace(form.Key))
            {
                errors.Add(nothingLeft ? null : "Key", nothingLeft ? NothingLeftToConfirm : "Choose the requirement to confirm.");
                return;
            }

            try
            {
                enrolment.ConfirmGatewayRequirement(standard, form.Key, form.Note, actor, at);
            }
            catch (DomainException e) when (nothingLeft)
            {
                errors.Add(null, $"{e.Message} {NothingLeftToConfirm}");
            }
        }, ct);

    private static EnrolmentProgress Progress(Standard standard, Enrolment enrolment, IEnumerable<EvidenceMapping> mappings) =>
        EnrolmentProgress.Compute(
            standard.Duties.Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement)),
            mappings,
            enrolment.SignOffs.Where(s => s.IsActive).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));

    private static async Task<Standard> LoadStandardAsync(AppDbContext db, Guid standardId, bool tracked, CancellationToken ct)
    {
        var query = db.Standards.Include(s => s.Duties).Include(s => s.GatewayRequirements).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleAsync(s => s.Id == standardId, ct);
    }

    private async Task<Domain.People.Assessor?> FindAssessorAsync(AppDbContext db, Guid? assessorId, CancellationToken ct)
    {
        var providerId = ProviderScope.Of(user);
        return assessorId is { } id
            ? await db.Assessors.SingleOrDefaultAsync(a => a.Id == id && a.TrainingProviderId == providerId, ct)
            : null;
    }

    /// <summary>Loads the enrolment within my organisation, applies the change, and saves it; domain refusals become form errors.</summary>
    private async Task<CommandResult> ChangeAsync(
        Guid id, string defaultField, Func<AppDbContext, Enrolment, Actor, DateTimeOffset, FormErrors, Task> change, CancellationToken ct)
    {
        var errors = new FormErrors();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user)
            .Include(e => e.Assignments)
            .Include(e => e.SignOffs)
            .Include(e => e.GatewayConfirmations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrolment is null)
        {
            return CommandResult.NotFound;
        }

        try
        {
            await change(db, enrolment, user.AsActor(), time.GetUtcNow(), errors);
            if (!errors.Any)
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DomainException e) when (enrolment.Status.IsFinal())
        {
            // The page shows a closed record without the forms, so the refusal of a form opened earlier stands alone
            // in the error summary, with no field to link to.
            errors.Add(e, _ => null);
        }
        catch (DomainException e)
        {
            // A refusal about the whole enrolment (its status, say) is shown beside the form's main field.
            errors.Add(e, field => field is null or Enrolment.Fields.Status ? defaultField : field);
        }
        catch (DbUpdateConcurrencyException)
        {
            errors.Add(null, "Someone else changed this enrolment at the same time. Nothing was saved; check the page and try again.");
        }

        return errors.Any ? CommandResult.Refused(errors, id) : CommandResult.Done(id);
    }
}
