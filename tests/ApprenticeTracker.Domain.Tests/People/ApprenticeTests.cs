namespace ApprenticeTracker.Domain.Tests.People;

/// <summary>Registering an apprentice.</summary>
public class ApprenticeTests
{
    [Test]
    public void Registering_an_apprentice_keeps_names_outside_Latin_1_as_written_in_their_own_order()
    {
        var apprentice = Apprentice.Register(SampleOrganisations.Provider, "user-1", " Thị Hà ", "Nguyễn", NameOrder.FamilyFirst, "ha@example.org", Actors.ProviderAdmin, Clock.Now);

        Assert.That(apprentice.FullName, Is.EqualTo("Nguyễn Thị Hà"));
        Assert.That(apprentice.NameSortKey, Is.EqualTo(PersonName.SortKey("Thị Hà", "Nguyễn")));
        Assert.That((apprentice.UserId, apprentice.TrainingProviderId, apprentice.Email), Is.EqualTo(("user-1", SampleOrganisations.Provider.Id, "ha@example.org")));
    }

    [Test]
    public void Registering_an_apprentice_records_an_audit_event()
    {
        var apprentice = Apprentice.Register(SampleOrganisations.Provider, "user-1", "Ayşe", "Yılmaz", NameOrder.GivenFirst, "ayse@example.org", Actors.ProviderAdmin, Clock.Now);

        var recorded = apprentice.PendingAuditEvents().Single();
        Assert.That((recorded.Action, recorded.Details, recorded.TrainingProviderId), Is.EqualTo(("apprentice.registered", (string?)"Ayşe Yılmaz", (Guid?)SampleOrganisations.Provider.Id)));
    }

    [TestCase("", "Hà", "GivenName")]
    [TestCase("Nguyễn Thị", " ", "FamilyName")]
    public void An_apprentice_without_a_name_is_refused(string givenName, string familyName, string field)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Apprentice.Register(SampleOrganisations.Provider, "user-1", givenName, familyName, NameOrder.GivenFirst, "ha@example.org", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo(field));
    }

    [TestCase("")]
    [TestCase("ha.example.org")]
    [TestCase("@example.org")]
    [TestCase("ha@")]
    [TestCase("ha nguyen@example.org")]
    public void An_email_address_in_the_wrong_format_is_refused(string email)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Apprentice.Register(SampleOrganisations.Provider, "user-1", "Nguyễn Thị", "Hà", NameOrder.GivenFirst, email, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Email"));
    }

    [Test]
    public void An_apprentice_without_a_sign_in_account_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() =>
            Apprentice.Register(SampleOrganisations.Provider, " ", "Nguyễn Thị", "Hà", NameOrder.GivenFirst, "ha@example.org", Actors.ProviderAdmin, Clock.Now));
    }
}
