namespace ApprenticeTracker.Domain.People;

/// <summary>Limits and checks shared by the people of the domain.</summary>
public static class PersonDetails
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;

    /// <summary>The names by which a <see cref="Refusal"/> of a person's details names the input it concerns.</summary>
    public static class Fields
    {
        public const string GivenName = "GivenName";
        public const string FamilyName = "FamilyName";
        public const string Email = "Email";
        public const string NameOrder = "NameOrder";
    }

    internal static string Email(string? email)
    {
        var trimmed = Check.Text(email, EmailMaxLength, "email address", Fields.Email);
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            throw new DomainException("Enter an email address in the correct format, like name@example.org.", Fields.Email);
        }

        return trimmed;
    }
}
