namespace ApprenticeTracker.Domain.Common;

/// <summary>Small guards that turn bad input into <see cref="DomainException"/>s a person can read.</summary>
internal static class Check
{
    /// <summary>Trims <paramref name="value"/> and refuses it when empty or longer than <paramref name="maxLength"/>.</summary>
    public static string Text(string? value, int maxLength, string label, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException($"Enter the {label}.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"The {label} must be {maxLength} characters or fewer.", field);
        }

        return trimmed;
    }

    /// <summary>Trims optional text to null when blank, and refuses it when longer than <paramref name="maxLength"/>.</summary>
    public static string? OptionalText(string? value, int maxLength, string label, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"The {label} must be {maxLength} characters or fewer.", field);
        }

        return trimmed;
    }

    /// <summary>Refuses a value that is not one of the enum's named values.</summary>
    public static T Defined<T>(T value, string label, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException($"Choose the {label}.", field);
}
