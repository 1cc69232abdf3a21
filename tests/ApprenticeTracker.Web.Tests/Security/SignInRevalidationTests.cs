using System.Net;
using System.Security.Claims;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Live;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Tests.Security;

/// <summary>
/// A circuit (and a cookie) whose account was locked out, deleted or given a new password stops acting for it within
/// the revalidation interval, here a short one. These change accounts, so each test takes an account of its own.
/// </summary>
public sealed class SignInRevalidationTests : SeededAppFixture
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected override AppFactory CreateFactory() => new()
    {
        Database = Database,
        Settings = new Dictionary<string, string> { ["Accounts:RevalidationInterval"] = Interval.ToString() },
    };

    [Test]
    public async Task A_circuit_whose_password_was_changed_elsewhere_is_signed_out_within_the_interval()
    {
        var email = await NewAccountAsync();
        await using var circuit = await OpenCircuitAsync(email);

        await ChangeAccountAsync(email, (users, user) => users.ChangePasswordAsync(user, DemoDataSeeder.DemoPassword, "a brand new password 2026"));

        Assert.That(await circuit.SignedOut.Task.WaitAsync(Patience), Is.True);
    }

    [Test]
    public async Task A_circuit_whose_account_was_locked_out_is_signed_out_within_the_interval()
    {
        var email = await NewAccountAsync();
        await using var circuit = await OpenCircuitAsync(email);

        await ChangeAccountAsync(email, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15)));

        Assert.That(await circuit.SignedOut.Task.WaitAsync(Patience), Is.True);
    }

    [Test]
    public async Task A_circuit_whose_account_was_deleted_is_signed_out_within_the_interval()
    {
        var email = await NewAccountAsync();
        await using var circuit = await OpenCircuitAsync(email);

        await ChangeAccountAsync(email, (users, user) => users.DeleteAsync(user));

        Assert.That(await circuit.SignedOut.Task.WaitAsync(Patience), Is.True);
    }

    [Test]
    public async Task A_circuit_whose_account_is_unchanged_stays_signed_in_over_several_intervals()
    {
        var email = await NewAccountAsync();
        await using var circuit = await OpenCircuitAsync(email);

        await Task.Delay(Interval * 5);

        Assert.That(circuit.SignedOut.Task.IsCompleted, Is.False);
        Assert.That(circuit.User.IsSignedIn, Is.True);
    }

    [Test]
    public async Task Once_signed_out_the_circuit_s_user_is_nobody_and_receives_no_live_event()
    {
        var mine = (await Factory.EnrolmentsOfAsync())[0];
        await using var circuit = await OpenCircuitAsync(DemoDataSeeder.ProviderEmail);
        var live = circuit.Scope.ServiceProvider.GetRequiredService<LiveUpdates>();
        var before = await live.MaySeeAsync(LiveEvent.SignOffChanged(mine), CancellationToken.None);

        await ChangeAccountAsync(DemoDataSeeder.ProviderEmail, (users, user) => users.UpdateSecurityStampAsync(user));
        await circuit.SignedOut.Task.WaitAsync(Patience);

        Assert.That(before, Is.True);
        Assert.That(circuit.User.IsSignedIn, Is.False);
        Assert.That(circuit.User.TrainingProviderId, Is.Null);
        Assert.That(circuit.Scope.ServiceProvider.GetRequiredService<CircuitUser>().SignedOut, Is.True);
        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(mine), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task A_cookie_whose_account_was_locked_out_is_refused_at_the_next_page_after_the_interval()
    {
        var email = await NewAccountAsync();
        using var client = await Factory.SignInAsync(email);
        using var before = await client.GetAsync(AccountRoutes.ChangePassword);

        await ChangeAccountAsync(email, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15)));
        await Task.Delay(Interval * 3);
        using var after = await client.GetAsync(AccountRoutes.ChangePassword);

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location?.AbsolutePath, Is.EqualTo(AccountRoutes.Login));
    }

    [TestCase("00:00:00")]
    [TestCase("-00:01:00")]
    [TestCase("01:00:00")]
    public void An_interval_of_zero_below_or_above_30_minutes_stops_the_app_starting(string interval)
    {
        using var factory = new AppFactory { Settings = new Dictionary<string, string> { ["Accounts:RevalidationInterval"] = interval } };

        Assert.That(() => factory.Services, Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("RevalidationInterval"));
    }

    [Test]
    public void The_interval_is_one_minute_unless_configured()
    {
        using var factory = new AppFactory();

        Assert.That(factory.Services.GetRequiredService<IOptions<SignInRevalidationOptions>>().Value.RevalidationInterval, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    /// <summary>A sign-in account no other test uses, with the demo password and no role.</summary>
    private async Task<string> NewAccountAsync()
    {
        var email = $"revalidation-{Guid.NewGuid():N}@example.org";
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Revalidation test" }, DemoDataSeeder.DemoPassword);
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    private async Task ChangeAccountAsync(string email, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var result = await change(users, user);
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// A circuit's scope as the framework makes it: the app's authentication state provider given the signed-in
    /// principal, and the app's circuit handler told the circuit opened.
    /// </summary>
    private async Task<OpenCircuit> OpenCircuitAsync(string email)
    {
        var scope = Factory.Services.CreateAsyncScope();
        ClaimsPrincipal principal;
        using (var signInScope = Factory.Services.CreateScope())
        {
            var users = signInScope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            principal = await signInScope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        }

        var authentication = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.That(authentication, Is.InstanceOf<RevalidatingCircuitAuthentication>());
        var signedOut = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var circuitUser = scope.ServiceProvider.GetRequiredService<CircuitUser>();
        circuitUser.SignedOutNow += () => signedOut.TrySetResult(true);
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        foreach (var handler in scope.ServiceProvider.GetServices<CircuitHandler>())
        {
            // The handlers read no property of the circuit, whose constructor is the framework's own.
            await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        }

        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.That(user.IsSignedIn, Is.True);
        return new OpenCircuit(scope, user, signedOut);
    }

    private sealed record OpenCircuit(AsyncServiceScope Scope, CurrentUser User, TaskCompletionSource<bool> SignedOut) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
