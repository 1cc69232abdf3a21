using ApprenticeTracker.Domain.Common;

namespace ApprenticeTracker.Domain.People;

/// <summary>Limits and checks shared by the people of the domain.</summary>
public static class PersonDetails
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;

    internal static string Email(string? email)
    {
        var trimmed = Check.Text(email, EmailMaxLength, "email address", "Email");
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            throw new DomainException("Enter an email address in the correct format, like name@example.org.", "Email");
        }

        return trimmed;
    }
}
