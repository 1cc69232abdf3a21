namespace ApprenticeTracker.Web.Security;

/// <summary>
/// Whether an address stays on this site, by the rules of ASP.NET Core's <c>IUrlHelper.IsLocalUrl</c> (which pages that
/// are Razor components cannot reach), less its "~/" form: a path with a single leading slash and no control characters.
/// Anything else, including <c>//host</c> and <c>/\host</c>, which browsers treat as another site, is not local.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return false;
        }

        return url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
    }
}
