using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>How an off-the-job command ended.</summary>
public enum OffTheJobOutcome
{
    Saved,
    Refused,
    NotFound,

    /// <summary>The entry changed after the form was opened; nothing was recorded.</summary>
    Conflict,
}

/// <summary>The outcome of an off-the-job command, with the refusals by field.</summary>
public sealed record OffTheJobResult(OffTheJobOutcome Outcome, FormErrors Errors, Guid? Id = null)
{
    public static OffTheJobResult NotFound => new(OffTheJobOutcome.NotFound, new FormErrors());

    public static OffTheJobResult Conflict => Refusal(OffTheJobOutcome.Conflict, null,
        "This entry changed since you opened it, so nothing was recorded. Its current state is shown below: check it and try again.");

    public static OffTheJobResult Refusal(OffTheJobOutcome outcome, string? field, string message)
    {
        var errors = new FormErrors();
        errors.Add(field, message);
        return new OffTheJobResult(outcome, errors);
    }
}

/// <summary>
/// The apprentice logs, amends and deletes entries; an assessor or the provider approves or queries them, one or
/// several at once. Every command loads only what <see cref="AccessScopes"/> lets the user see, goes through the domain
/// (which audits it) and refuses a decision on an entry that changed since the form was opened (decision 6).
/// </summary>
public sealed class OffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<OffTheJobResult> LogAsync(OffTheJobForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user)
            .Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId)
            .OrderByDescending(e => e.StartDate)
            .FirstOrDefaultAsync(ct);
        if (enrolment is null)
        {
            return OffTheJobResult.NotFound;
        }

        var (errors, content) = await CheckAsync(db, enrolment, form, exceptEntry: null, ct);
        if (errors.Any)
        {
            return new OffTheJobResult(OffTheJobOutcome.Refused, errors);
        }

        var now = time.GetUtcNow();
        var standard = await db.Standards.Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var entry = OffTheJobEntry.Log(
            enrolment, standard, content!, form.DutyIds, form.EvidenceIds, await EvidenceIdsAsync(db, enrolment.Id, ct),
            await MinutesOnAsync(db, enrolment.Id, content!.ActivityDate, null, ct), Dates.UkDay(now), user.AsActor(), now);
        db.OffTheJobEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return new OffTheJobResult(OffTheJobOutcome.Saved, errors, entry.Id);
    }

    /// <summary>
    /// Amends a waiting or queried entry (a queried one goes back for approval); on an approved entry, only what the
    /// apprentice learnt (<see cref="OffTheJobForm.Reflection"/>) can change.
    /// </summary>
    public async Task<OffTheJobResult> AmendAsync(Guid entryId, OffTheJobForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await OwnEntryAsync(db, entryId, ct);
        if (entry is null)
        {
            return OffTheJobResult.NotFound;
        }

        if (entry.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return OffTheJobResult.Conflict;
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == entry.EnrolmentId, ct);
        var now = time.GetUtcNow();
        if (!entry.IsChangeable)
        {
            return await TryAsync(db, () => entry.Reflect(enrolment, form.Reflection, user.AsActor(), now), entry.Id, ct);
        }

        var (errors, content) = await CheckAsync(db, enrolment, form, entry.Id, ct);
        if (errors.Any)
        {
            return new OffTheJobResult(OffTheJobOutcome.Refused, errors);
        }

        var standard = await db.Standards.Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var evidence = await EvidenceIdsAsync(db, enrolment.Id, ct);
        var already = await MinutesOnAsync(db, enrolment.Id, content!.ActivityDate, entry.Id, ct);
        return await TryAsync(db, () => entry.Amend(enrolment, standard, content, form.DutyIds, form.EvidenceIds, evidence, already, Dates.UkDay(now), user.AsActor(), now), entry.Id, ct);
    }

    public async Task<OffTheJobResult> DeleteAsync(Guid entryId, Guid concurrencyStamp, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await OwnEntryAsync(db, entryId, ct);
        if (entry is null)
        {
            return OffTheJobResult.NotFound;
        }

        if (entry.ConcurrencyStamp != concurrencyStamp)
        {
            return OffTheJobResult.Conflict;
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == entry.EnrolmentId, ct);
        return await TryAsync(db, () =>
        {
            entry.Delete(enrolment, user.AsActor(), time.GetUtcNow());
            db.OffTheJobEntries.Remove(entry);
        }, entry.Id, ct);
    }

    /// <summary>Approves or queries one entry.</summary>
    public async Task<OffTheJobResult> DecideAsync(Guid entryId, OffTheJobDecisionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await AccessScopes.OffTheJobEntriesToDecide(db, user).SingleOrDefaultAsync(x => x.Id == entryId, ct);
        if (entry is null)
        {
            return OffTheJobResult.NotFound;
        }

        if (entry.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return OffTheJobResult.Conflict;
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == entry.EnrolmentId, ct);
        var now = time.GetUtcNow();
        return form.Decision switch
        {
            OffTheJobDecisionForm.Approve => await TryAsync(db, () => entry.Approve(enrolment, user.AsActor(), now), entry.Id, ct),
            OffTheJobDecisionForm.Query => await TryAsync(db, () => entry.Query(enrolment, form.Reason ?? string.Empty, user.AsActor(), now), entry.Id, ct),
            _ => OffTheJobResult.Refusal(OffTheJobOutcome.Refused, "Decision", "Choose whether to approve the entry or query it."),
        };
    }

    /// <summary>
    /// Approves several entries at once, each posted as <c>id:stamp</c>. All or nothing: if any is no longer the user's
    /// to decide, has changed since the list was opened, or is refused, none is approved.
    /// </summary>
    public async Task<OffTheJobResult> ApproveManyAsync(IReadOnlyList<string> selected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var chosen = selected
            .Select(v => v.Split(':'))
            .Select(p => p.Length == 2 && Guid.TryParse(p[0], out var id) && Guid.TryParse(p[1], out var stamp) ? (Id: id, Stamp: stamp) : (Id: Guid.Empty, Stamp: Guid.Empty))
            .ToList();
        if (chosen.Count == 0)
        {
            return OffTheJobResult.Refusal(OffTheJobOutcome.Refused, "Selected", "Choose the entries to approve.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = chosen.Select(c => c.Id).ToList();
        var entries = await AccessScopes.OffTheJobEntriesToDecide(db, user).Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        if (entries.Count != chosen.Select(c => c.Id).Distinct().Count())
        {
            return OffTheJobResult.NotFound;
        }

        var changed = chosen.Count(c => entries.Single(e => e.Id == c.Id).ConcurrencyStamp != c.Stamp);
        if (changed > 0)
        {
            return OffTheJobResult.Refusal(OffTheJobOutcome.Conflict, null, string.Create(CultureInfo.InvariantCulture,
                $"{changed} of the chosen entries changed since you opened the list, so nothing was approved. The list below is up to date: check it and approve again."));
        }

        var enrolmentIds = entries.Select(e => e.EnrolmentId).Distinct().ToList();
        var enrolments = await db.Enrolments.Where(e => enrolmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var now = time.GetUtcNow();
        return await TryAsync(db, () =>
        {
            foreach (var entry in entries.OrderBy(e => e.ActivityDate))
            {
                entry.Approve(enrolments[entry.EnrolmentId], user.AsActor(), now);
            }
        }, null, ct);
    }

    private async Task<OffTheJobEntry?> OwnEntryAsync(AppDbContext db, Guid entryId, CancellationToken ct)
    {
        var own = AccessScopes.Enrolments(db, user).Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId).Select(e => e.Id);
        return await db.OffTheJobEntries.Include(x => x.Duties).Include(x => x.Evidence)
            .SingleOrDefaultAsync(x => x.Id == entryId && own.Contains(x.EnrolmentId), ct);
    }

    /// <summary>Reads the form into content and collects every refusal, the domain's and the form's own, by field.</summary>
    private async Task<(FormErrors Errors, OffTheJobContent? Content)> CheckAsync(
        AppDbContext db, Domain.Enrolments.Enrolment enrolment, OffTheJobForm form, Guid? exceptEntry, CancellationToken ct)
    {
        var errors = new FormErrors();
        DateOnly? date = DateOnly.TryParseExact(form.ActivityDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (date is null)
        {
            errors.Add(OffTheJobEntry.Fields.ActivityDate, "Enter the date of the activity.");
        }

        int? minutes = form.Hours is null && form.Minutes is null ? null : ((form.Hours ?? 0) * 60) + (form.Minutes ?? 0);
        if (minutes is null)
        {
            errors.Add(OffTheJobEntry.Fields.Duration, "Enter how long the activity took, in hours and minutes.");
        }
        else if (form.Minutes is < 0 or > 59)
        {
            errors.Add(OffTheJobEntry.Fields.Duration, "Enter minutes from 0 to 59.");
            minutes = null;
        }

        var kind = OffTheJobActivityKinds.Parse(form.Kind);
        if (kind is null)
        {
            errors.Add(OffTheJobEntry.Fields.Kind, "Choose the kind of activity.");
        }

        // The domain judges what the form could read, with stand-ins for what it could not, and only its refusals of
        // fields the form read are kept.
        var content = new OffTheJobContent(date ?? Dates.UkDay(time.GetUtcNow()), minutes ?? 1, kind ?? OffTheJobActivityKind.Other, form.WhatWasLearnt);
        var standard = await db.Standards.AsNoTracking().Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var already = await MinutesOnAsync(db, enrolment.Id, content.ActivityDate, exceptEntry, ct);
        foreach (var refusal in OffTheJobEntry.Refusals(
                     enrolment, standard, content, form.DutyIds, form.EvidenceIds, await EvidenceIdsAsync(db, enrolment.Id, ct), already, Dates.UkDay(time.GetUtcNow())))
        {
            if (!errors.Has(refusal.Field ?? string.Empty))
            {
                errors.Add(refusal.Field, refusal.Message);
            }
        }

        return (errors, errors.Any ? null : content);
    }

    private static async Task<IReadOnlySet<Guid>> EvidenceIdsAsync(AppDbContext db, Guid enrolmentId, CancellationToken ct) =>
        (await db.EvidenceItems.Where(i => i.EnrolmentId == enrolmentId).Select(i => i.Id).ToListAsync(ct)).ToHashSet();

    private static Task<int> MinutesOnAsync(AppDbContext db, Guid enrolmentId, DateOnly day, Guid? except, CancellationToken ct) =>
        db.OffTheJobEntries.Where(x => x.EnrolmentId == enrolmentId && x.ActivityDate == day && x.Id != except).SumAsync(x => x.Minutes, ct);

    private static async Task<OffTheJobResult> TryAsync(AppDbContext db, Action change, Guid? id, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return new OffTheJobResult(OffTheJobOutcome.Saved, new FormErrors(), id);
        }
        catch (DomainException refused)
        {
            return OffTheJobResult.Refusal(OffTheJobOutcome.Refused, refused.Field, refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OffTheJobResult.Conflict;
        }
    }
}
