using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// The user of an interactive circuit. A circuit has no request, so <see cref="CurrentUser"/> cannot read the cookie
/// there: the framework gives each circuit the user of the request that opened it through
/// <see cref="AuthenticationStateProvider"/>, and <see cref="CircuitUserHandler"/> copies it here when the circuit opens
/// (the pattern of ASP.NET Core's documentation, "circuit activity handler"). Null outside a circuit.
/// </summary>
public sealed class CircuitUser
{
    public ClaimsPrincipal? Principal { get; internal set; }

    /// <summary>True once the circuit's sign-in failed its revalidation; it never becomes false again.</summary>
    public bool SignedOut { get; private set; }

    /// <summary>Raised once, when the circuit's sign-in fails its revalidation (locked out, deleted, new password).</summary>
    public event Action? SignedOutNow;

    internal void SignOut()
    {
        if (SignedOut)
        {
            return;
        }

        SignedOut = true;
        Principal = CurrentUser.Anonymous.Principal;
        SignedOutNow?.Invoke();
    }
}

/// <summary>
/// Records the circuit's user in <see cref="CircuitUser"/> before any of its components render, and signs the circuit
/// out when <see cref="RevalidatingCircuitAuthentication"/> finds its sign-in no longer stands: from then on the
/// circuit's <see cref="CurrentUser"/>, which every query and handler of the circuit holds, is nobody.
/// </summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser user, IServiceProvider services)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.Principal = (await authentication.GetAuthenticationStateAsync()).User;
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> state)
    {
        try
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                services.GetRequiredService<CurrentUser>().SignOut();
                user.SignOut();
            }
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed while its state was being checked: there is nobody left to sign out.
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
}
