using System.Security.Claims;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Security;

/// <summary>The claims the sign-in cookie carries, as the claims principal factory writes them and CurrentUser reads them.</summary>
public sealed class CurrentUserTests : SeededAppFixture
{
    [Test]
    public async Task An_apprentice_carries_their_apprentice_record_and_its_provider()
    {
        await using var db = await ContextAsync();
        var record = await db.Apprentices.SingleAsync(a => a.Email == DemoDataSeeder.ApprenticeEmail);

        var user = await AccessScopesTests.UserAsync(Factory, DemoDataSeeder.ApprenticeEmail);

        Assert.That(user.IsSignedIn, Is.True);
        Assert.That(user.UserId, Is.EqualTo(record.UserId));
        Assert.That(user.DisplayName, Is.EqualTo("Łucja Wójcik"));
        Assert.That((user.IsApprentice, user.IsAssessor, user.IsProviderAdmin), Is.EqualTo((true, false, false)));
        Assert.That(user.ApprenticeId, Is.EqualTo(record.Id));
        Assert.That(user.AssessorId, Is.Null);
        Assert.That(user.TrainingProviderId, Is.EqualTo(record.TrainingProviderId));
        Assert.That(user.MustChangePassword, Is.False);
    }

    [Test]
    public async Task An_assessor_carries_their_assessor_record_and_its_provider()
    {
        await using var db = await ContextAsync();
        var record = await db.Assessors.SingleAsync(a => a.Email == DemoDataSeeder.AssessorEmail);

        var user = await AccessScopesTests.UserAsync(Factory, DemoDataSeeder.AssessorEmail);

        Assert.That((user.IsApprentice, user.IsAssessor, user.IsProviderAdmin), Is.EqualTo((false, true, false)));
        Assert.That(user.AssessorId, Is.EqualTo(record.Id));
        Assert.That(user.ApprenticeId, Is.Null);
        Assert.That(user.TrainingProviderId, Is.EqualTo(record.TrainingProviderId));
    }

    [Test]
    public async Task A_provider_administrator_carries_their_provider_from_the_account_once()
    {
        await using var db = await ContextAsync();
        var providerA = await db.TrainingProviders.SingleAsync(p => p.Ukprn == "10012345");

        var user = await AccessScopesTests.UserAsync(Factory, DemoDataSeeder.ProviderEmail);

        Assert.That((user.IsApprentice, user.IsAssessor, user.IsProviderAdmin), Is.EqualTo((false, false, true)));
        Assert.That(user.TrainingProviderId, Is.EqualTo(providerA.Id));
        Assert.That(user.Principal.FindAll(AppClaims.TrainingProviderId).Count(), Is.EqualTo(1));
        Assert.That((user.ApprenticeId, user.AssessorId), Is.EqualTo(((Guid?)null, (Guid?)null)));
    }

    [Test]
    public void Nobody_signed_in_has_no_id_no_role_and_cannot_act()
    {
        var user = new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.That(user.IsSignedIn, Is.False);
        Assert.That(user.UserId, Is.Empty);
        Assert.That((user.IsApprentice, user.IsAssessor, user.IsProviderAdmin), Is.EqualTo((false, false, false)));
        Assert.That(user.TrainingProviderId, Is.Null);
        Assert.That(user.AsActor, Throws.InvalidOperationException);
    }

    [Test]
    public async Task A_signed_in_user_acts_under_their_account_id_and_name()
    {
        var user = await AccessScopesTests.UserAsync(Factory, DemoDataSeeder.AssessorEmail);

        var actor = user.AsActor();

        Assert.That(actor.UserId, Is.EqualTo(user.UserId));
        Assert.That(actor.DisplayName, Is.EqualTo("Grace Adeyemi"));
    }

    [Test]
    public void Ids_that_are_not_guids_are_ignored_rather_than_trusted()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, "someone"), new(ClaimTypes.Role, Roles.Apprentice), new(AppClaims.ApprenticeId, "not-a-guid")],
            "Test"));

        var user = new CurrentUser(principal);

        Assert.That(user.IsApprentice, Is.True);
        Assert.That(user.ApprenticeId, Is.Null);
    }

    private Task<AppDbContext> ContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
