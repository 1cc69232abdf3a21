namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>Builds an apprentice through <see cref="Apprentice.Register"/>.</summary>
internal sealed class ApprenticeBuilder
{
    private TrainingProvider _provider = SampleOrganisations.Provider;
    private string _givenName = "Nguyễn Thị";
    private string _familyName = "Hà";

    public ApprenticeBuilder Of(TrainingProvider provider)
    {
        _provider = provider;
        return this;
    }

    public ApprenticeBuilder Named(string givenName, string familyName)
    {
        _givenName = givenName;
        _familyName = familyName;
        return this;
    }

    public Apprentice Build() =>
        Apprentice.Register(_provider, $"user-{Guid.NewGuid():N}", _givenName, _familyName, NameOrder.GivenFirst, "ha.nguyen@example.org", Actors.ProviderAdmin, Clock.Now);
}

/// <summary>Builds an assessor through <see cref="Assessor.Register"/>.</summary>
internal sealed class AssessorBuilder
{
    private TrainingProvider _provider = SampleOrganisations.Provider;
    private string _givenName = "Siobhán";
    private string _familyName = "Ó Súilleabháin";

    public AssessorBuilder Of(TrainingProvider provider)
    {
        _provider = provider;
        return this;
    }

    public AssessorBuilder Named(string givenName, string familyName)
    {
        _givenName = givenName;
        _familyName = familyName;
        return this;
    }

    public Assessor Build() =>
        Assessor.Register(_provider, $"user-{Guid.NewGuid():N}", _givenName, _familyName, NameOrder.GivenFirst, "siobhan@example.org", "Practice educator", Actors.ProviderAdmin, Clock.Now);
}
