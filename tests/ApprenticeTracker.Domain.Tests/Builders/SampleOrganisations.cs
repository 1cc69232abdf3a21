namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>Training providers, employers and cohorts made through the real factories.</summary>
internal static class SampleOrganisations
{
    /// <summary>The provider most tests work within. Providers never change after creation, so one instance is shared.</summary>
    public static TrainingProvider Provider { get; } = TrainingProvider.Create("University of Northfield", "10001234", Actors.ProviderAdmin, Clock.Now);

    /// <summary>A second provider, whose people and organisations must never mix with the first's.</summary>
    public static TrainingProvider OtherProvider { get; } = TrainingProvider.Create("Southgate College", "10005678", Actors.ProviderAdmin, Clock.Now);

    public static Employer EmployerOf(TrainingProvider provider, string name = "Northfield Hospitals NHS Trust") =>
        Employer.Create(provider, name, Actors.ProviderAdmin, Clock.Now);

    /// <summary>A workplace mentor at <paramref name="employer"/>, invited by its provider.</summary>
    public static EmployerContact ContactOf(Employer employer, string givenName = "Zoë") =>
        EmployerContact.Invite(employer, $"user-{givenName}-{Guid.NewGuid():N}", givenName, "Hartley", "zoe@example.org", "Workplace mentor", Actors.ProviderAdmin, Clock.Now);

    public static Cohort CohortOf(TrainingProvider provider, string name = "September 2024") =>
        Cohort.Create(provider, name, new DateOnly(2024, 9, 2), Actors.ProviderAdmin, Clock.Now);
}
