using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ApprenticeTracker.Web.Features.Account;

namespace ApprenticeTracker.Web.Tests.Features.Account;

public sealed class AccountPolicyTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [TestCase("twelve chars", true)]
    [TestCase("aaaaaaaaaaaa", true)]
    [TestCase("eleven char", false)]
    public async Task A_password_needs_twelve_characters_and_nothing_else(string password, bool accepted)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "someone@example.org", Email = "someone@example.org", DisplayName = "Someone" };

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Code));
        }

        Assert.That(errors.Count == 0, Is.EqualTo(accepted), string.Join(", ", errors));
    }

    [Test]
    public async Task An_account_is_locked_for_fifteen_minutes_after_five_failed_sign_ins()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "locked@example.org", Email = "locked@example.org", DisplayName = "Locked Out" };
        Assert.That((await users.CreateAsync(user, "a long enough password")).Succeeded, Is.True);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await users.AccessFailedAsync(user);
        }

        var lockedAfterFour = await users.IsLockedOutAsync(user);
        await users.AccessFailedAsync(user);

        Assert.That(lockedAfterFour, Is.False);
        Assert.That(await users.IsLockedOutAsync(user), Is.True);
        Assert.That(await users.GetLockoutEndDateAsync(user), Is.EqualTo(DateTimeOffset.UtcNow.AddMinutes(15)).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void The_sign_in_cookie_is_http_only_same_site_lax_and_points_to_the_account_pages()
    {
        var options = _factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);

        Assert.That(options.Cookie.HttpOnly, Is.True);
        Assert.That(options.Cookie.SameSite, Is.EqualTo(SameSiteMode.Lax));
        Assert.That(options.Cookie.SecurePolicy, Is.EqualTo(CookieSecurePolicy.SameAsRequest), "tests run over plain http");
        Assert.That(options.LoginPath.Value, Is.EqualTo(AccountRoutes.Login));
        Assert.That(options.AccessDeniedPath.Value, Is.EqualTo(AccountRoutes.AccessDenied));
    }

    [Test]
    public void Outside_Development_and_the_tests_the_sign_in_cookie_is_sent_over_https_only()
    {
        using var production = new AppFactory { EnvironmentName = "Production" };

        var options = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);

        Assert.That(options.Cookie.SecurePolicy, Is.EqualTo(CookieSecurePolicy.Always));
    }
}
