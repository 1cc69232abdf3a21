using System.Linq.Expressions;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Persistence.ReadModels;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// The one place that says who may see which records, as filters that become part of a query's SQL (never applied
/// after loading). Every query of enrolments or evidence starts here; a record outside the scope is simply not found,
/// so a page asked for it by id answers 404.
/// </summary>
/// <remarks>
/// An account in several roles sees what each of its roles sees. A role without its record (an apprentice account
/// with no apprentice record, a provider administrator with no provider) sees nothing.
/// </remarks>
public static class AccessScopes
{
    /// <summary>
    /// The enrolments the user may see: an apprentice their own; an assessor those they are currently assigned to, in
    /// their own provider; a provider administrator their provider's; an employer contact those their employer enrolled
    /// with the provider that invited them; anyone else none.
    /// </summary>
    public static IQueryable<Enrolment> Enrolments(AppDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var rules = new List<Expression<Func<Enrolment, bool>>>();
        if (user.IsSignedIn && user.IsApprentice && user.ApprenticeId is { } apprenticeId)
        {
            rules.Add(e => e.ApprenticeId == apprenticeId);
        }

        if (user.IsSignedIn && user.IsAssessor && user.AssessorId is { } assessorId && user.TrainingProviderId is { } assessorProviderId)
        {
            rules.Add(e => e.TrainingProviderId == assessorProviderId
                && e.Assignments.Any(a => a.AssessorId == assessorId && a.EndedAt == null));
        }

        if (user.IsSignedIn && user.IsProviderAdmin && user.TrainingProviderId is { } providerId)
        {
            rules.Add(e => e.TrainingProviderId == providerId);
        }

        if (user.IsSignedIn && user.IsEmployer && user.EmployerId is { } employerId && user.TrainingProviderId is { } employerProviderId)
        {
            rules.Add(e => e.EmployerId == employerId && e.TrainingProviderId == employerProviderId);
        }

        return rules.Count == 0 ? db.Enrolments.Where(e => false) : db.Enrolments.Where(AnyOf(rules));
    }

    /// <summary>The cohorts the user may act on: a provider administrator's provider's; anyone else none.</summary>
    public static IQueryable<Cohort> Cohorts(AppDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return user.IsSignedIn && user.IsProviderAdmin && user.TrainingProviderId is { } providerId
            ? db.Cohorts.Where(c => c.TrainingProviderId == providerId)
            : db.Cohorts.Where(c => false);
    }

    /// <summary>
    /// The evidence of the enrolments in <see cref="Enrolments"/>. Drafts are the apprentice's own work in progress:
    /// only the apprentice whose enrolment it is sees them; assessors, employer contacts and provider administrators do not.
    /// </summary>
    public static IQueryable<EvidenceItem> Evidence(AppDbContext db, CurrentUser user)
    {
        var enrolmentIds = Enrolments(db, user).Select(e => e.Id);
        var evidence = db.EvidenceItems.Where(i => enrolmentIds.Contains(i.EnrolmentId));
        if (!user.IsApprentice || user.ApprenticeId is not { } apprenticeId)
        {
            return evidence.Where(i => i.Status != EvidenceStatus.Draft);
        }

        if (!user.IsAssessor && !user.IsProviderAdmin && !user.IsEmployer)
        {
            // Only the apprentice's own enrolments are in scope, so every draft in it is theirs.
            return evidence;
        }

        var ownEnrolmentIds = db.Enrolments.Where(e => e.ApprenticeId == apprenticeId).Select(e => e.Id);
        return evidence.Where(i => i.Status != EvidenceStatus.Draft || ownEnrolmentIds.Contains(i.EnrolmentId));
    }

    /// <summary>
    /// The off-the-job entries of the enrolments in <see cref="Enrolments"/>: an apprentice's own, an assessor's
    /// apprentices', an employer contact's employer's, a provider administrator's provider's.
    /// </summary>
    public static IQueryable<OffTheJobEntry> OffTheJobEntries(AppDbContext db, CurrentUser user)
    {
        var enrolmentIds = Enrolments(db, user).Select(e => e.Id);
        return db.OffTheJobEntries.Where(x => enrolmentIds.Contains(x.EnrolmentId));
    }

    /// <summary>
    /// The off-the-job entries the user may approve or query: those of <see cref="OffTheJobEntries"/> for an assessor
    /// or a provider administrator, never an apprentice's own.
    /// </summary>
    public static IQueryable<OffTheJobEntry> OffTheJobEntriesToDecide(AppDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAssessor && !user.IsProviderAdmin)
        {
            return db.OffTheJobEntries.Where(x => false);
        }

        var own = db.Enrolments.Where(e => e.ApprenticeId == user.ApprenticeId).Select(e => e.Id);
        return OffTheJobEntries(db, user).Where(x => !own.Contains(x.EnrolmentId));
    }

    /// <summary>
    /// The duty evidence counts of the enrolments in <see cref="Enrolments"/>. They never include drafts, so they are
    /// what an assessor or a provider administrator may see of the evidence, whoever asks.
    /// </summary>
    /// <remarks>A join rather than <c>IN (subquery)</c>: EF Core 6 turns a GROUP BY over the latter into a correlated subquery per group.</remarks>
    public static IQueryable<DutyEvidenceCount> DutyEvidenceCounts(AppDbContext db, CurrentUser user) =>
        from count in db.DutyEvidenceCounts.AsNoTracking()
        join enrolment in Enrolments(db, user) on count.EnrolmentId equals enrolment.Id
        select count;

    /// <summary>
    /// The cohort dashboard's figures (<see cref="DashboardCount"/>) that the user may see: a provider administrator's
    /// own provider's; anyone else none. The figures are per group of enrolments, not per enrolment, so a role that
    /// sees only some of its provider's enrolments (an assessor, an apprentice) sees none of them.
    /// </summary>
    public static IQueryable<DashboardCount> DashboardCounts(AppDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var counts = db.DashboardCounts.AsNoTracking();
        return user.IsSignedIn && user.IsProviderAdmin && user.TrainingProviderId is { } providerId
            ? counts.Where(c => c.TrainingProviderId == providerId)
            : counts.Where(c => false);
    }

    /// <summary>Joins predicates with OR, over one parameter, so EF translates the result as one WHERE clause.</summary>
    private static Expression<Func<T, bool>> AnyOf<T>(List<Expression<Func<T, bool>>> rules)
    {
        if (rules.Count == 1)
        {
            return rules[0];
        }

        var parameter = Expression.Parameter(typeof(T), "x");
        var body = rules
            .Select(r => new ParameterReplacer(r.Parameters[0], parameter).Visit(r.Body))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
