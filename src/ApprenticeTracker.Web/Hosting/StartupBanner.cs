using ApprenticeTracker.Persistence.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ApprenticeTracker.Web.Hosting;

/// <summary>Tells the person who started the app where it listens and, with demo data, how to sign in.</summary>
public static class StartupBanner
{
    /// <summary>Writes the banner once the server listens, when its addresses are known.</summary>
    public static void WriteWhenStarted(WebApplication app, PreparationResult prepared, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(prepared);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Write(output, addresses.ToList(), prepared.DemoSignIns);
        });
    }

    public static void Write(TextWriter output, IReadOnlyCollection<string> addresses, IReadOnlyList<DemoSignIn> demoSignIns)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(demoSignIns);

        // Built whole and written at once, so the console logger's own lines cannot land in the middle of it.
        output.Write(Compose(addresses, demoSignIns));
        output.Flush();
    }

    private static string Compose(IReadOnlyCollection<string> addresses, IReadOnlyList<DemoSignIn> demoSignIns)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        output.WriteLine();
        output.WriteLine("ApprenticeTracker is running. Open it at:");
        foreach (var address in addresses.Select(Browsable).Distinct(StringComparer.Ordinal))
        {
            output.WriteLine($"  {address}/");
        }

        if (demoSignIns.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Demo sign-ins, all with the password {DemoDataSeeder.DemoPassword} (it exists only in demo data):");
            var emailWidth = demoSignIns.Max(s => s.Email.Length);
            var rolesWidth = demoSignIns.Max(s => s.Roles.Length);
            foreach (var signIn in demoSignIns)
            {
                output.WriteLine($"  {signIn.Email.PadRight(emailWidth)}  {signIn.Roles.PadRight(rolesWidth)}  {signIn.DisplayName}");
            }
        }

        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
        return output.ToString();
    }

    /// <summary>A wildcard binding (http://[::]:80, http://+:80) is reached in a browser through localhost.</summary>
    private static string Browsable(string address)
    {
        foreach (var wildcard in new[] { "://[::]", "://0.0.0.0", "://+", "://*" })
        {
            if (address.Contains(wildcard, StringComparison.Ordinal))
            {
                return address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
            }
        }

        return address.TrimEnd('/');
    }
}
