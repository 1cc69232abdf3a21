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
}

/// <summary>Records the circuit's user in <see cref="CircuitUser"/> before any of its components render.</summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser user) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        user.Principal = (await authentication.GetAuthenticationStateAsync()).User;
}
