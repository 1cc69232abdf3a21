namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>The people who act in the tests, as the domain sees them.</summary>
internal static class Actors
{
    public static Actor ProviderAdmin { get; } = new("user-provider-admin", "Priya Shah");

    public static Actor Apprentice { get; } = new("user-apprentice", "Łucja Wójcik");

    public static Actor Employer { get; } = new("user-employer", "Zoë Hartley");
}
