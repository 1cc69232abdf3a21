namespace ApprenticeTracker.Persistence.Configurations;

/// <summary>Column lengths that the domain does not define itself.</summary>
internal static class Lengths
{
    /// <summary>The longest key ASP.NET Core Identity may give an account.</summary>
    public const int UserId = 450;

    /// <summary>A name recorded at the time of an action: given name, a space, family name.</summary>
    public const int PersonName = (PersonDetails.NameMaxLength * 2) + 1;
}
