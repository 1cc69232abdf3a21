using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>
/// Finds records of the demo data by what they are (the demo assessor's apprentice with accepted evidence, another
/// provider's apprentice), never by name, and reads what the app stored, as the oracle of the HTTP tests.
/// </summary>
internal static class DemoRecords
{
    /// <summary>The other assessor of provider A, who shares some apprentices with the demo assessor.</summary>
    public const string SecondAssessorEmail = "tomasz.kowalczyk@example.org";

    public static async Task<T> QueryAsync<T>(this AppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    public static Task<Guid> AssessorIdAsync(this AppFactory factory, string email = DemoDataSeeder.AssessorEmail) =>
        factory.QueryAsync(db => db.Assessors.Where(a => a.Email == email).Select(a => a.Id).SingleAsync());

    /// <summary>Enrolments the assessor is currently assigned to.</summary>
    public static async Task<List<Guid>> EnrolmentsOfAsync(this AppFactory factory, string email = DemoDataSeeder.AssessorEmail)
    {
        var assessorId = await factory.AssessorIdAsync(email);
        return await factory.QueryAsync(db => db.Enrolments
            .Where(e => e.Assignments.Any(a => a.AssessorId == assessorId && a.EndedAt == null))
            .Select(e => e.Id)
            .ToListAsync());
    }

    /// <summary>An enrolment of the demo assessor's provider that they are not assigned to, with a sign-off.</summary>
    public static async Task<Guid> ColleaguesEnrolmentAsync(this AppFactory factory)
    {
        var assessorId = await factory.AssessorIdAsync();
        var providerId = await factory.QueryAsync(db => db.Assessors.Where(a => a.Id == assessorId).Select(a => a.TrainingProviderId).SingleAsync());
        return await factory.QueryAsync(db => db.Enrolments
            .Where(e => e.TrainingProviderId == providerId && !e.Assignments.Any(a => a.AssessorId == assessorId && a.EndedAt == null))
            .Where(e => e.SignOffs.Any())
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .FirstAsync());
    }

    /// <summary>An enrolment of the other demo provider (provider B), with a sign-off.</summary>
    public static async Task<Guid> OtherProvidersEnrolmentAsync(this AppFactory factory)
    {
        var assessorId = await factory.AssessorIdAsync();
        var providerId = await factory.QueryAsync(db => db.Assessors.Where(a => a.Id == assessorId).Select(a => a.TrainingProviderId).SingleAsync());
        return await factory.QueryAsync(db => db.Enrolments
            .Where(e => e.TrainingProviderId != providerId && e.SignOffs.Any())
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .FirstAsync());
    }

    /// <summary>An enrolment both demo assessors of provider A are assigned to.</summary>
    public static async Task<Guid> SharedEnrolmentAsync(this AppFactory factory)
    {
        var mine = await factory.EnrolmentsOfAsync();
        var theirs = await factory.EnrolmentsOfAsync(SecondAssessorEmail);
        return mine.Intersect(theirs).Order().First();
    }

    /// <summary>The items of one enrolment in a status, oldest submission first.</summary>
    public static Task<List<Guid>> EvidenceAsync(this AppFactory factory, Guid enrolmentId, EvidenceStatus status) =>
        factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolmentId && e.Status == status)
            .OrderBy(e => e.SubmittedAt)
            .ThenBy(e => e.Id)
            .Select(e => e.Id)
            .ToListAsync());

    public static Task<EvidenceItem> EvidenceItemAsync(this AppFactory factory, Guid evidenceId) =>
        factory.QueryAsync(db => db.EvidenceItems.AsNoTracking().Include(e => e.Reviews).Include(e => e.Duties).SingleAsync(e => e.Id == evidenceId));

    public static Task<Enrolment> EnrolmentAsync(this AppFactory factory, Guid enrolmentId) =>
        factory.QueryAsync(db => db.Enrolments.AsNoTracking()
            .Include(e => e.SignOffs).ThenInclude(s => s.Evidence)
            .Include(e => e.Assignments)
            .AsSplitQuery()
            .SingleAsync(e => e.Id == enrolmentId));

    /// <summary>The audit trail of one record, in the order recorded.</summary>
    public static Task<List<Domain.Common.AuditEvent>> AuditOfAsync(this AppFactory factory, Guid entityId) =>
        factory.QueryAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());

    public static Task<string> UserIdAsync(this AppFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
