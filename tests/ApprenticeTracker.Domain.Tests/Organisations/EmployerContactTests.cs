namespace ApprenticeTracker.Domain.Tests.Organisations;

/// <summary>Inviting a contact of an employer.</summary>
public class EmployerContactTests
{
    private static readonly Employer Employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider);

    [Test]
    public void An_invited_contact_belongs_to_the_employer_and_its_provider_and_is_audited()
    {
        var contact = EmployerContact.Invite(Employer, "user-9", " Zoë ", "Hartley", "zoe@example.org", "Workplace mentor", Actors.ProviderAdmin, Clock.Now);

        Assert.That((contact.FullName, contact.EmployerId, contact.TrainingProviderId, contact.JobTitle),
            Is.EqualTo(("Zoë Hartley", Employer.Id, Employer.TrainingProviderId, "Workplace mentor")));
        var recorded = contact.PendingAuditEvents().Single();
        Assert.That((recorded.Action, recorded.TrainingProviderId), Is.EqualTo(("employer-contact.invited", (Guid?)Employer.TrainingProviderId)));
    }

    [Test]
    public void Every_missing_or_malformed_detail_is_refused_at_once()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            EmployerContact.Invite(Employer, "user-9", "", " ", "zoe.example.org", "  ", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal!.Refusals.Select(r => r.Field), Is.EquivalentTo(new[] { "GivenName", "FamilyName", "Email", EmployerContact.Fields.JobTitle }));
    }

    [Test]
    public void A_job_title_over_the_limit_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            EmployerContact.Invite(Employer, "user-9", "Zoë", "Hartley", "zoe@example.org", new string('x', EmployerContact.JobTitleMaxLength + 1), Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal!.Field, Is.EqualTo(EmployerContact.Fields.JobTitle));
    }
}
