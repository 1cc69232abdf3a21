namespace ApprenticeTracker.Domain.Tests.Organisations;

/// <summary>Creating a training provider.</summary>
public class TrainingProviderTests
{
    [Test]
    public void Creating_a_provider_keeps_its_name_and_UKPRN_and_records_it()
    {
        var provider = TrainingProvider.Create(" University of Northfield ", " 10001234 ", Actors.ProviderAdmin, Clock.Now);

        Assert.That((provider.Name, provider.Ukprn), Is.EqualTo(("University of Northfield", "10001234")));
        var recorded = provider.PendingAuditEvents().Single();
        Assert.That((recorded.Action, recorded.EntityId, recorded.TrainingProviderId), Is.EqualTo(("provider.created", provider.Id, (Guid?)provider.Id)));
    }

    [TestCase(null)]
    [TestCase("  ")]
    public void A_provider_without_a_UKPRN_is_allowed(string? ukprn)
    {
        var provider = TrainingProvider.Create("University of Northfield", ukprn, Actors.ProviderAdmin, Clock.Now);

        Assert.That(provider.Ukprn, Is.Null);
    }

    [TestCase("1000123")]
    [TestCase("100012345")]
    [TestCase("1000123X")]
    public void A_UKPRN_that_is_not_8_digits_is_refused(string ukprn)
    {
        var refusal = Assert.Throws<DomainException>(() => TrainingProvider.Create("University of Northfield", ukprn, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Ukprn").And.Message.EqualTo("The UKPRN must be 8 digits."));
    }

    [Test]
    public void A_provider_without_a_name_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => TrainingProvider.Create(" ", null, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Name"));
    }
}
