namespace ApprenticeTracker.Persistence.Identity;

/// <summary>The roles a sign-in account can hold.</summary>
public static class Roles
{
    public const string Apprentice = "Apprentice";
    public const string Assessor = "Assessor";
    public const string ProviderAdmin = "ProviderAdmin";
    public const string Employer = "Employer";

    public static IReadOnlyList<string> All { get; } = [Apprentice, Assessor, ProviderAdmin, Employer];
}
