using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprenticeTracker.Web.Tests.Features;

/// <summary>Renders a component with the framework's HtmlRenderer, as the server does, and parses the markup.</summary>
internal static class ComponentRendering
{
    public static async Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();

        // Components that read the date (the enrolment status badge) take the clock as the app gives it.
        services.AddSingleton(TimeProvider.System);
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        return await new HtmlParser().ParseDocumentAsync($"<!DOCTYPE html><html><body>{html}</body></html>");
    }

    /// <summary>Forms render an antiforgery token; outside a request there is none, so a fixed one stands in.</summary>
    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
