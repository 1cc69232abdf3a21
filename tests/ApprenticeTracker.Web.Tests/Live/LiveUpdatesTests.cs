using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Live;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Live;

/// <summary>Who receives which live event: the AccessScopes rules, asked at delivery.</summary>
public sealed class LiveUpdatesTests : SeededAppFixture
{
    [Test]
    public async Task An_apprentice_receives_events_about_their_own_evidence_and_not_another_apprentice_s()
    {
        var apprentice = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
        var (other, _) = await EvidenceTestKit.OtherApprenticeAsync(Factory);
        var own = await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, apprentice, EvidenceStatus.Submitted));
        var others = await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, other, EvidenceStatus.Submitted));
        var live = await LiveUpdatesForAsync(DemoDataSeeder.ApprenticeEmail);

        Assert.That(await live.MaySeeAsync(own, CancellationToken.None), Is.True);
        Assert.That(await live.MaySeeAsync(others, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task An_assessor_receives_sign_off_events_of_their_own_apprentices_only()
    {
        var mine = (await Factory.EnrolmentsOfAsync())[0];
        var colleagues = await Factory.ColleaguesEnrolmentAsync();
        var otherProviders = await Factory.OtherProvidersEnrolmentAsync();
        var live = await LiveUpdatesForAsync(DemoDataSeeder.AssessorEmail);

        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(mine), CancellationToken.None), Is.True);
        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(colleagues), CancellationToken.None), Is.False);
        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(otherProviders), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task A_provider_administrator_receives_their_provider_s_events_and_not_another_provider_s()
    {
        var ownProviders = (await Factory.EnrolmentsOfAsync())[0];
        var otherProviders = await Factory.OtherProvidersEnrolmentAsync();
        var live = await LiveUpdatesForAsync(DemoDataSeeder.ProviderEmail);

        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(ownProviders), CancellationToken.None), Is.True);
        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(otherProviders), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task An_employer_contact_receives_events_of_their_employers_apprentices_only_and_never_of_a_draft()
    {
        var apprentice = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
        var own = await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, apprentice, EvidenceStatus.Submitted));
        var draft = await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, apprentice, EvidenceStatus.Draft));
        var otherProviders = await Factory.OtherProvidersEnrolmentAsync();
        var zoe = await LiveUpdatesForAsync(DemoDataSeeder.EmployerEmail);
        var gareth = await LiveUpdatesForAsync(DemoDataSeeder.EmployerBEmail);

        Assert.That(await zoe.MaySeeAsync(own, CancellationToken.None), Is.True);
        Assert.That(await zoe.MaySeeAsync(LiveEvent.WitnessAnswered(own.EnrolmentId, own.EvidenceId!.Value), CancellationToken.None), Is.True);
        Assert.That(await zoe.MaySeeAsync(draft, CancellationToken.None), Is.False);
        Assert.That(await zoe.MaySeeAsync(LiveEvent.SignOffChanged(otherProviders), CancellationToken.None), Is.False);
        Assert.That(await gareth.MaySeeAsync(own, CancellationToken.None), Is.False);
        Assert.That(await gareth.MaySeeAsync(LiveEvent.SignOffChanged(own.EnrolmentId), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task An_event_naming_an_item_with_the_wrong_enrolment_reaches_nobody()
    {
        var apprentice = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
        var (other, _) = await EvidenceTestKit.OtherApprenticeAsync(Factory);
        var ownItem = await EvidenceTestKit.ItemOfAsync(Factory, apprentice, EvidenceStatus.Submitted);
        var othersEnrolment = (await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, other, EvidenceStatus.Submitted))).EnrolmentId;
        var live = await LiveUpdatesForAsync(DemoDataSeeder.ApprenticeEmail);

        Assert.That(await live.MaySeeAsync(LiveEvent.Submitted(othersEnrolment, ownItem), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task Nobody_signed_in_receives_anything()
    {
        var mine = (await Factory.EnrolmentsOfAsync())[0];
        var live = new LiveUpdates(Factory.Services.GetRequiredService<ILiveEventHub>(), Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), CurrentUser.Anonymous);

        Assert.That(await live.MaySeeAsync(LiveEvent.SignOffChanged(mine), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task Listening_passes_on_only_the_events_the_user_may_see()
    {
        var apprentice = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
        var (other, _) = await EvidenceTestKit.OtherApprenticeAsync(Factory);
        var own = await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, apprentice, EvidenceStatus.Submitted));
        var others = await EventAboutAsync(await EvidenceTestKit.ItemOfAsync(Factory, other, EvidenceStatus.Submitted));
        var live = await LiveUpdatesForAsync(DemoDataSeeder.ApprenticeEmail);
        var hub = Factory.Services.GetRequiredService<ILiveEventHub>();
        var received = new List<LiveEvent>();
        var ownArrived = new TaskCompletionSource();
        using var listening = live.Listen(e =>
        {
            lock (received)
            {
                received.Add(e);
            }

            if (e == own)
            {
                ownArrived.TrySetResult();
            }

            return Task.CompletedTask;
        });

        hub.Publish(others);
        await Task.Delay(200);
        hub.Publish(own);
        await ownArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(received, Is.EqualTo(new[] { own }));
    }

    private async Task<LiveUpdates> LiveUpdatesForAsync(string email) =>
        new(Factory.Services.GetRequiredService<ILiveEventHub>(), Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), await LiveCircuits.UserAsync(Factory, email));

    private Task<LiveEvent> EventAboutAsync(Guid item) =>
        EvidenceTestKit.QueryAsync(Factory, async db => LiveEvent.Submitted(await db.EvidenceItems.Where(i => i.Id == item).Select(i => i.EnrolmentId).SingleAsync(), item));
}
