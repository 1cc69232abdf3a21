namespace ApprenticeTracker.Domain.Tests.People;

/// <summary>Registering an assessor.</summary>
public class AssessorTests
{
    [Test]
    public void Registering_an_assessor_keeps_their_details()
    {
        var assessor = Assessor.Register(SampleOrganisations.Provider, "user-7", "Siobhán", "Ó Súilleabháin", NameOrder.GivenFirst, "siobhan@example.org", " Practice educator ", Actors.ProviderAdmin, Clock.Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(assessor.FullName, Is.EqualTo("Siobhán Ó Súilleabháin"));
            Assert.That(assessor.JobTitle, Is.EqualTo("Practice educator"));
            Assert.That(assessor.TrainingProviderId, Is.EqualTo(SampleOrganisations.Provider.Id));
            Assert.That(assessor.PendingAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "assessor.registered" }));
        }
    }

    [Test]
    public void A_blank_job_title_is_kept_as_none()
    {
        var assessor = Assessor.Register(SampleOrganisations.Provider, "user-7", "Grace", "Adeyemi", NameOrder.GivenFirst, "grace@example.org", " ", Actors.ProviderAdmin, Clock.Now);

        Assert.That(assessor.JobTitle, Is.Null);
    }

    [Test]
    public void A_job_title_longer_than_the_limit_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => Assessor.Register(
            SampleOrganisations.Provider, "user-7", "Grace", "Adeyemi", NameOrder.GivenFirst, "grace@example.org", new string('j', Assessor.JobTitleMaxLength + 1), Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("JobTitle"));
    }

    [Test]
    public void An_assessor_acts_under_their_sign_in_account_and_name()
    {
        var assessor = Assessor.Register(SampleOrganisations.Provider, "user-7", "Grace", "Adeyemi", NameOrder.GivenFirst, "grace@example.org", null, Actors.ProviderAdmin, Clock.Now);

        Assert.That(assessor.AsActor(), Is.EqualTo(new Actor("user-7", "Grace Adeyemi")));
    }
}
