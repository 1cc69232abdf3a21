using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Security;

/// <summary>Who sees which enrolments and evidence, on the demo data, at the level of the queries every page builds on.</summary>
public sealed class AccessScopesTests : SeededAppFixture
{
    private const string ProviderBAssessorEmail = "roisin.ni.bhriain@example.org";

    [Test]
    public async Task An_apprentice_sees_only_their_own_enrolment()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.ApprenticeEmail);
        await using var db = await ContextAsync();
        var own = await db.Enrolments.Where(e => e.ApprenticeId == user.ApprenticeId).Select(e => e.Id).ToListAsync();

        var seen = await AccessScopes.Enrolments(db, user).Select(e => e.Id).ToListAsync();

        Assert.That(own, Has.Count.EqualTo(1));
        Assert.That(seen, Is.EquivalentTo(own));
    }

    [Test]
    public async Task An_apprentice_sees_all_their_own_evidence_drafts_included_and_nobody_elses()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.ApprenticeEmail);
        await using var db = await ContextAsync();
        var enrolmentId = await db.Enrolments.Where(e => e.ApprenticeId == user.ApprenticeId).Select(e => e.Id).SingleAsync();
        var own = await db.EvidenceItems.Where(i => i.EnrolmentId == enrolmentId).Select(i => new { i.Id, i.Status }).ToListAsync();

        var seen = await AccessScopes.Evidence(db, user).Select(i => i.Id).ToListAsync();

        Assert.That(own.Where(i => i.Status == EvidenceStatus.Draft), Is.Not.Empty, "the demo apprentice has drafts");
        Assert.That(seen, Is.EquivalentTo(own.Select(i => i.Id)));
    }

    [Test]
    public async Task An_assessor_sees_the_enrolments_they_are_currently_assigned_to_and_no_others()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.AssessorEmail);
        await using var db = await ContextAsync();
        var assigned = await db.AssessorAssignments
            .Where(a => a.AssessorId == user.AssessorId && a.EndedAt == null)
            .Select(a => a.EnrolmentId)
            .ToListAsync();

        var seen = await AccessScopes.Enrolments(db, user).Select(e => e.Id).ToListAsync();

        Assert.That(assigned, Is.Not.Empty);
        Assert.That(seen, Is.EquivalentTo(assigned));
        Assert.That(seen, Has.Count.LessThan(await db.Enrolments.CountAsync()));
    }

    [Test]
    public async Task An_assessor_sees_the_evidence_of_their_apprentices_but_none_of_their_drafts()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.AssessorEmail);
        await using var db = await ContextAsync();
        var assigned = db.AssessorAssignments.Where(a => a.AssessorId == user.AssessorId && a.EndedAt == null).Select(a => a.EnrolmentId);
        var ofTheirApprentices = await db.EvidenceItems
            .Where(i => assigned.Contains(i.EnrolmentId))
            .Select(i => new { i.Id, i.Status })
            .ToListAsync();

        var seen = await AccessScopes.Evidence(db, user).Select(i => i.Id).ToListAsync();

        Assert.That(ofTheirApprentices.Where(i => i.Status == EvidenceStatus.Draft), Is.Not.Empty, "their apprentices have drafts");
        Assert.That(seen, Is.EquivalentTo(ofTheirApprentices.Where(i => i.Status != EvidenceStatus.Draft).Select(i => i.Id)));
    }

    [Test]
    public async Task An_assessor_whose_assignment_has_ended_no_longer_sees_that_enrolment_or_its_evidence()
    {
        using var factory = await CreateSeededFactoryAsync();
        var user = await UserAsync(factory, DemoDataSeeder.AssessorEmail);
        var enrolmentId = await UnassignFromOneEnrolmentAsync(factory, user.AssessorId!.Value);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var enrolments = await AccessScopes.Enrolments(db, user).Select(e => e.Id).ToListAsync();
        var evidence = await AccessScopes.Evidence(db, user).Where(i => i.EnrolmentId == enrolmentId).CountAsync();

        Assert.That(enrolments, Is.Not.Empty.And.Not.Contain(enrolmentId));
        Assert.That(evidence, Is.Zero);
    }

    [Test]
    public async Task A_provider_administrator_sees_every_enrolment_of_their_provider_and_no_other()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.ProviderEmail);
        await using var db = await ContextAsync();
        var ofProvider = await db.Enrolments.Where(e => e.TrainingProviderId == user.TrainingProviderId).Select(e => e.Id).ToListAsync();

        var seen = await AccessScopes.Enrolments(db, user).Select(e => e.Id).ToListAsync();

        Assert.That(ofProvider, Is.Not.Empty);
        Assert.That(seen, Is.EquivalentTo(ofProvider));
        Assert.That(seen, Has.Count.LessThan(await db.Enrolments.CountAsync()), "the other provider has enrolments too");
    }

    [Test]
    public async Task A_provider_administrator_sees_their_providers_evidence_but_no_drafts()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.ProviderEmail);
        await using var db = await ContextAsync();
        var ofProvider = db.Enrolments.Where(e => e.TrainingProviderId == user.TrainingProviderId).Select(e => e.Id);
        var expected = await db.EvidenceItems
            .Where(i => ofProvider.Contains(i.EnrolmentId) && i.Status != EvidenceStatus.Draft)
            .Select(i => i.Id)
            .ToListAsync();

        var seen = await AccessScopes.Evidence(db, user).Select(i => new { i.Id, i.Status }).ToListAsync();

        Assert.That(seen.Select(i => i.Id), Is.EquivalentTo(expected));
        Assert.That(seen.Select(i => i.Status), Has.None.EqualTo(EvidenceStatus.Draft));
    }

    [Test]
    public async Task A_provider_administrator_sees_the_duty_evidence_counts_of_their_providers_enrolments_only()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.ProviderEmail);
        await using var db = await ContextAsync();
        var ofProvider = db.Enrolments.Where(e => e.TrainingProviderId == user.TrainingProviderId).Select(e => e.Id);
        var expected = await db.DutyEvidenceCounts.Where(c => ofProvider.Contains(c.EnrolmentId)).Select(c => new { c.EnrolmentId, c.DutyId }).ToListAsync();

        var seen = await AccessScopes.DutyEvidenceCounts(db, user).Select(c => new { c.EnrolmentId, c.DutyId }).ToListAsync();

        Assert.That(expected, Is.Not.Empty);
        Assert.That(seen, Is.EquivalentTo(expected));
        Assert.That(seen, Has.Count.LessThan(await db.DutyEvidenceCounts.CountAsync()), "the other provider has counts too");
    }

    [TestCase(DemoDataSeeder.ApprenticeEmail)]
    [TestCase(DemoDataSeeder.AssessorEmail)]
    [TestCase(DemoDataSeeder.ProviderEmail)]
    public async Task Nothing_of_provider_B_reaches_a_user_of_provider_A(string providerAEmail)
    {
        var user = await UserAsync(Factory, providerAEmail);
        var providerB = await ProviderOfAsync(DemoDataSeeder.ProviderBAdminEmail);
        await using var db = await ContextAsync();
        var ofB = db.Enrolments.Where(e => e.TrainingProviderId == providerB).Select(e => e.Id);

        var enrolmentsOfB = await AccessScopes.Enrolments(db, user).CountAsync(e => e.TrainingProviderId == providerB);
        var evidenceOfB = await AccessScopes.Evidence(db, user).CountAsync(i => ofB.Contains(i.EnrolmentId));
        var countsOfB = await AccessScopes.DutyEvidenceCounts(db, user).CountAsync(c => ofB.Contains(c.EnrolmentId));

        Assert.That(await ofB.CountAsync(), Is.Positive, "provider B has enrolments");
        Assert.That(await db.DutyEvidenceCounts.CountAsync(c => ofB.Contains(c.EnrolmentId)), Is.Positive, "provider B has evidence counts");
        Assert.That(enrolmentsOfB, Is.Zero);
        Assert.That(evidenceOfB, Is.Zero);
        Assert.That(countsOfB, Is.Zero);
    }

    [TestCase(DemoDataSeeder.ProviderBAdminEmail)]
    [TestCase(ProviderBAssessorEmail)]
    public async Task Nothing_of_provider_A_reaches_a_user_of_provider_B(string providerBEmail)
    {
        var user = await UserAsync(Factory, providerBEmail);
        var providerA = await ProviderOfAsync(DemoDataSeeder.ProviderEmail);
        await using var db = await ContextAsync();
        var ofA = db.Enrolments.Where(e => e.TrainingProviderId == providerA).Select(e => e.Id);

        var enrolments = await AccessScopes.Enrolments(db, user).Select(e => e.TrainingProviderId).ToListAsync();
        var evidenceOfA = await AccessScopes.Evidence(db, user).CountAsync(i => ofA.Contains(i.EnrolmentId));
        var countsOfA = await AccessScopes.DutyEvidenceCounts(db, user).CountAsync(c => ofA.Contains(c.EnrolmentId));

        Assert.That(enrolments, Is.Not.Empty.And.All.EqualTo(user.TrainingProviderId));
        Assert.That(evidenceOfA, Is.Zero);
        Assert.That(countsOfA, Is.Zero);
    }

    [Test]
    public async Task A_signed_in_account_with_no_role_sees_nothing()
    {
        using var factory = await CreateSeededFactoryAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = "no.role@example.org", Email = "no.role@example.org", DisplayName = "No Role" }, "a long enough password");
            Assert.That(created.Succeeded, Is.True);
        }

        var user = await UserAsync(factory, "no.role@example.org");
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.That(user.IsSignedIn, Is.True);
        Assert.That(await AccessScopes.Enrolments(db, user).CountAsync(), Is.Zero);
        Assert.That(await AccessScopes.Evidence(db, user).CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Nobody_signed_in_sees_nothing()
    {
        await using var db = await ContextAsync();

        var enrolments = await AccessScopes.Enrolments(db, CurrentUser.Anonymous).CountAsync();
        var evidence = await AccessScopes.Evidence(db, CurrentUser.Anonymous).CountAsync();
        var counts = await AccessScopes.DutyEvidenceCounts(db, CurrentUser.Anonymous).CountAsync();

        Assert.That(await db.Enrolments.CountAsync(), Is.Positive);
        Assert.That(enrolments, Is.Zero);
        Assert.That(evidence, Is.Zero);
        Assert.That(counts, Is.Zero);
    }

    [Test]
    public async Task A_role_without_its_record_sees_nothing()
    {
        var assessor = await UserAsync(Factory, DemoDataSeeder.AssessorEmail);
        var apprenticeRoleOnly = new CurrentUser(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new(System.Security.Claims.ClaimTypes.NameIdentifier, assessor.UserId),
                new(System.Security.Claims.ClaimTypes.Role, Roles.Apprentice),
                new(System.Security.Claims.ClaimTypes.Role, Roles.ProviderAdmin),
            ],
            "Test")));
        await using var db = await ContextAsync();

        var enrolments = await AccessScopes.Enrolments(db, apprenticeRoleOnly).CountAsync();
        var evidence = await AccessScopes.Evidence(db, apprenticeRoleOnly).CountAsync();

        Assert.That(enrolments, Is.Zero);
        Assert.That(evidence, Is.Zero);
    }

    [Test]
    public async Task The_scopes_are_filters_inside_the_query_not_after_it()
    {
        var user = await UserAsync(Factory, DemoDataSeeder.ApprenticeEmail);
        await using var db = await ContextAsync();

        var sql = AccessScopes.Evidence(db, user).ToQueryString();

        Assert.That(sql, Does.Contain("WHERE").And.Contain("ApprenticeId"));
    }

    /// <summary>The user as a request would see them: the claims come from the app's real claims principal factory.</summary>
    internal static async Task<CurrentUser> UserAsync(AppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        return new CurrentUser(principal);
    }

    private Task<AppDbContext> ContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<Guid> ProviderOfAsync(string adminEmail) =>
        (await UserAsync(Factory, adminEmail)).TrainingProviderId!.Value;

    private static async Task<Guid> UnassignFromOneEnrolmentAsync(AppFactory factory, Guid assessorId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var enrolment = await db.Enrolments
            .Include(e => e.Assignments)
            .FirstAsync(e => e.Assignments.Any(a => a.AssessorId == assessorId && a.EndedAt == null));
        var assessor = await db.Assessors.SingleAsync(a => a.Id == assessorId);
        enrolment.UnassignAssessor(assessor, Actor.System, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return enrolment.Id;
    }
}
