using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.WhatsNew;
using ApprenticeTracker.Web.Live;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Tests.Live;

/// <summary>
/// A bUnit context that stands for one person's interactive circuit on a running app: their <see cref="CurrentUser"/>
/// (as the app's claims factory writes it), the app's own scoped queries and <see cref="LiveUpdates"/> built for them,
/// and the app's own singletons (the database, the clock, its event hub, the assessor's options).
/// </summary>
internal static class LiveCircuits
{
    public static async Task<BunitContext> OpenAsync(AppFactory factory, string email)
    {
        var context = new BunitContext();
        context.Services.AddSingleton(await UserAsync(factory, email));
        context.Services.AddScoped<LiveUpdates>();
        context.Services.AddScoped<CircuitUser>();
        context.Services.AddScoped<ReviewQueueQuery>();
        context.Services.AddScoped<CaseloadQuery>();
        context.Services.AddScoped<EvidenceQueries>();
        context.Services.AddScoped<DashboardQuery>();
        context.Services.AddScoped<WhatsNewQuery>();
        context.Services.AddScoped<MarkSeenHandler>();
        context.Services.AddScoped<WhatsNewSignal>();
        // The app's own singletons, which the scoped services above are built from.
        context.Services.AddSingleton(factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<ILiveEventHub>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<TimeProvider>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<IOptions<AssessorOptions>>());
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    public static async Task<CurrentUser> UserAsync(AppFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        return new CurrentUser(principal);
    }
}
