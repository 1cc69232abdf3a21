using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>Reads the demo data the provider tests need straight from the test host's database.</summary>
public static class ProviderData
{
    /// <summary>The names of provider B's demo apprentices, which provider A's administrator must never see.</summary>
    public static IReadOnlyList<string> ProviderBApprentices { get; } = ["Gruffudd ap Siôn", "Agnieszka Wróbel", "Selin Şahin", "Kwame Mensah"];

    public const string ProviderBEmployer = "Southgate and Vale NHS Trust";

    public const string ProviderBAssessor = "Róisín Ní Bhriain";

    public const string ProviderBAdmin = "Dafydd Llewelyn";

    public static async Task<Guid> ProviderIdAsync(AppFactory factory, string adminEmail)
    {
        await using var db = await ContextAsync(factory);
        var user = await db.Users.SingleAsync(u => u.Email == adminEmail);
        var claim = await db.UserClaims.SingleAsync(c => c.UserId == user.Id && c.ClaimType == AppClaimTypes.TrainingProviderId);
        return Guid.Parse(claim.ClaimValue!);
    }

    /// <summary>The enrolment of the demo apprentice with this given name.</summary>
    public static async Task<Guid> EnrolmentOfAsync(AppFactory factory, string givenName)
    {
        await using var db = await ContextAsync(factory);
        return await (
                from e in db.Enrolments
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where a.GivenName == givenName
                select e.Id)
            .SingleAsync();
    }

    public static async Task<Guid> AnyEnrolmentOfProviderBAsync(AppFactory factory)
    {
        var providerB = await ProviderIdAsync(factory, DemoDataSeeder.ProviderBAdminEmail);
        await using var db = await ContextAsync(factory);
        return await db.Enrolments.Where(e => e.TrainingProviderId == providerB).Select(e => e.Id).FirstAsync();
    }

    public static async Task<Enrolment> LoadEnrolmentAsync(AppFactory factory, Guid id)
    {
        await using var db = await ContextAsync(factory);
        return await db.Enrolments.AsNoTracking().Include(e => e.Assignments).Include(e => e.GatewayConfirmations).SingleAsync(e => e.Id == id);
    }

    public static async Task<T> QueryAsync<T>(AppFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var db = await ContextAsync(factory);
        return await query(db);
    }

    private static Task<AppDbContext> ContextAsync(AppFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
