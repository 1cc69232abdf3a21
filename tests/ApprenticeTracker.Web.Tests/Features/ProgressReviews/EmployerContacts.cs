using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.ProgressReviews;

/// <summary>Employer contacts made for a test through the domain and Identity, as the provider's invitation does.</summary>
internal static class EmployerContacts
{
    /// <summary>
    /// A contact of a second employer of the demo employer's provider, signed in: same provider, other employer.
    /// </summary>
    public static async Task<HttpClient> InviteToAnotherEmployerOfProviderAAsync(AppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var providerId = await db.EmployerContacts.Where(c => c.Email == DemoDataSeeder.EmployerEmail).Select(c => c.TrainingProviderId).SingleAsync();
        var provider = await db.TrainingProviders.SingleAsync(p => p.Id == providerId);
        var employer = Employer.Create(provider, $"Elsewhere Clinics {Guid.NewGuid():N}", Actor.System, DateTimeOffset.UtcNow);
        db.Employers.Add(employer);
        await db.SaveChangesAsync();

        var email = $"elsewhere-{Guid.NewGuid():N}@example.org";
        var account = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Elsewhere Contact" };
        var created = await users.CreateAsync(account, DemoDataSeeder.DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(account, Roles.Employer);
        db.EmployerContacts.Add(EmployerContact.Invite(employer, account.Id, "Elsewhere", "Contact", email, "Line manager", Actor.System, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return await factory.SignInAsync(email, DemoDataSeeder.DemoPassword);
    }
}
