using Microsoft.AspNetCore.WebUtilities;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>The evidence list's query string, both ways, so that every filtered, sorted page is a link.</summary>
public static class EvidenceListLinks
{
    /// <summary>Reads the query string; a value that means nothing is ignored rather than refused.</summary>
    public static EvidenceListFilter Parse(string? duty, string? status, string? type, string? sort, string? page) => new(
        Guid.TryParse(duty, out var dutyId) ? dutyId : null,
        ParseEnum<EvidenceStatus>(status),
        ParseEnum<EvidenceType>(type),
        string.Equals(sort, "oldest", StringComparison.Ordinal),
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1);

    public static string For(EvidenceListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (filter.DutyId is { } duty)
        {
            query["duty"] = duty.ToString();
        }

        if (filter.Status is { } status)
        {
            query["status"] = status.ToString();
        }

        if (filter.Type is { } type)
        {
            query["type"] = type.ToString();
        }

        if (filter.OldestFirst)
        {
            query["sort"] = "oldest";
        }

        if (filter.Page > 1)
        {
            query["page"] = filter.Page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(EvidenceRoutes.List, query);
    }

    private static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrEmpty(value) && !char.IsAsciiDigit(value[0]) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}
