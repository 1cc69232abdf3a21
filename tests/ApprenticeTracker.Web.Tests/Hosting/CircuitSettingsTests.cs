using ApprenticeTracker.Web.Hosting;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Tests.Hosting;

public sealed class CircuitSettingsTests
{
    [Test]
    public void The_host_s_circuits_use_the_chosen_limits_and_hide_error_details_outside_Development()
    {
        using var factory = new AppFactory();

        var options = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.That(options.DetailedErrors, Is.False);
        Assert.That(options.DisconnectedCircuitMaxRetained, Is.EqualTo(CircuitSettings.DisconnectedCircuitMaxRetained));
        Assert.That(options.DisconnectedCircuitRetentionPeriod, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(options.MaxBufferedUnacknowledgedRenderBatches, Is.EqualTo(10));
        Assert.That(options.JSInteropDefaultCallTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void The_circuit_hub_accepts_messages_up_to_32_KB()
    {
        using var factory = new AppFactory();

        // AddHubOptions configures the options of the framework's own (internal) circuit hub only.
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub));
        var hubs = (HubOptions)optionsType.GetProperty("Value")!.GetValue(factory.Services.GetRequiredService(optionsType))!;

        Assert.That(hubs.MaximumReceiveMessageSize, Is.EqualTo(32 * 1024));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Circuit_errors_are_detailed_only_in_Development(bool development)
    {
        var options = new CircuitOptions();

        CircuitSettings.Apply(options, development);

        Assert.That(options.DetailedErrors, Is.EqualTo(development));
    }
}
