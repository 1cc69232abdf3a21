using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// The steps the enrolment commands share: load the enrolment within my organisation (another organisation's is not
/// found, so its existence is not revealed), apply the change, save it, and turn domain refusals into form errors.
/// </summary>
public sealed class EnrolmentChange(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    internal const string NothingLeftToConfirm = "Every gateway requirement is confirmed: there is nothing left to confirm.";

    internal CurrentUser User => user;

    internal DateOnly Today => time.Today();

    /// <summary>Loads the enrolment within my organisation, applies the change, and saves it; domain refusals become form errors.</summary>
    internal async Task<CommandResult> RunAsync(
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

    internal static EnrolmentProgress Progress(Standard standard, Enrolment enrolment, IEnumerable<EvidenceMapping> mappings) =>
        EnrolmentProgress.Compute(
            standard.Duties.Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement)),
            mappings,
            enrolment.SignOffs.Where(s => s.IsActive).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));

    internal static async Task<Standard> LoadStandardAsync(AppDbContext db, Guid standardId, bool tracked, CancellationToken ct)
    {
        var query = db.Standards.Include(s => s.Duties).Include(s => s.GatewayRequirements).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleAsync(s => s.Id == standardId, ct);
    }

    internal async Task<Domain.People.Assessor?> FindAssessorAsync(AppDbContext db, Guid? assessorId, CancellationToken ct)
    {
        var providerId = ProviderScope.Of(user);
        return assessorId is { } id
            ? await db.Assessors.SingleOrDefaultAsync(a => a.Id == id && a.TrainingProviderId == providerId, ct)
            : null;
    }
}
