namespace ApprenticeTracker.Domain.Tests.Organisations;

/// <summary>Creating and renaming an employer.</summary>
public class EmployerTests
{
    [Test]
    public void Creating_an_employer_ties_it_to_its_provider_and_records_it()
    {
        var employer = Employer.Create(SampleOrganisations.Provider, "Northfield Hospitals NHS Trust", Actors.ProviderAdmin, Clock.Now);

        Assert.That(employer.TrainingProviderId, Is.EqualTo(SampleOrganisations.Provider.Id));
        var recorded = employer.PendingAuditEvents().Single();
        Assert.That((recorded.Action, recorded.EntityId, recorded.TrainingProviderId), Is.EqualTo(("employer.created", employer.Id, (Guid?)SampleOrganisations.Provider.Id)));
    }

    [Test]
    public void An_employer_without_a_name_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Employer.Create(SampleOrganisations.Provider, "", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Name").And.Message.EqualTo("Enter the employer name."));
    }

    [Test]
    public void An_employer_name_longer_than_the_limit_is_refused()
    {
        Assert.Throws<DomainException>(() =>
            Employer.Create(SampleOrganisations.Provider, new string('e', Employer.NameMaxLength + 1), Actors.ProviderAdmin, Clock.Now));
    }

    [Test]
    public void Renaming_an_employer_changes_its_name_and_records_it()
    {
        var employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider);
        employer.DequeueAuditEvents();

        employer.Rename(" Northfield and District NHS Trust ", Actors.ProviderAdmin, Clock.Later(1));

        Assert.That(employer.Name, Is.EqualTo("Northfield and District NHS Trust"));
        Assert.That(employer.DequeueAuditEvents().Select(e => (e.Action, e.Details)), Is.EqualTo(new[] { ("employer.renamed", (string?)"Northfield and District NHS Trust") }));
    }

    [Test]
    public void Renaming_an_employer_to_nothing_is_refused()
    {
        var employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider, "Northfield Hospitals NHS Trust");

        Assert.Throws<DomainException>(() => employer.Rename(" ", Actors.ProviderAdmin, Clock.Now));

        Assert.That(employer.Name, Is.EqualTo("Northfield Hospitals NHS Trust"));
    }
}
