namespace ApprenticeTracker.Domain.Tests.Organisations;

/// <summary>Creating a cohort.</summary>
public class CohortTests
{
    [Test]
    public void Creating_a_cohort_ties_it_to_its_provider_and_records_it()
    {
        var cohort = Cohort.Create(SampleOrganisations.Provider, " September 2024 ", new DateOnly(2024, 9, 2), Actors.ProviderAdmin, Clock.Now);

        Assert.That((cohort.Name, cohort.StartDate, cohort.TrainingProviderId), Is.EqualTo(("September 2024", new DateOnly(2024, 9, 2), SampleOrganisations.Provider.Id)));
        Assert.That(cohort.PendingAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "cohort.created" }));
    }

    [Test]
    public void A_cohort_without_a_name_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Cohort.Create(SampleOrganisations.Provider, "", new DateOnly(2024, 9, 2), Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Name"));
    }
}
