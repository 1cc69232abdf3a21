namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>An audit action's code (<c>evidence.file-attached</c>) in words for the audit page ("Evidence: file attached").</summary>
public static class AuditActions
{
    public static string Describe(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == action.Length - 1)
        {
            return Capitalised(action.Replace('-', ' '));
        }

        return $"{Capitalised(action[..dot].Replace('-', ' '))}: {action[(dot + 1)..].Replace('-', ' ')}";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
