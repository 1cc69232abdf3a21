using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>
/// Renders a static component with bUnit and parses its markup, for tests that only read what it shows. Tests that
/// type, click or receive live updates use a <see cref="BunitContext"/> of their own (docs/decisions/0121).
/// </summary>
internal static class ComponentRendering
{
    public static async Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var context = new BunitContext();
        context.Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        context.Services.AddSingleton(TimeProvider.System);
        // What a page load renders: interactive components inside are prerendered, before any circuit.
        context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var rendered = context.Render<TComponent>(builder =>
        {
            builder.OpenComponent<TComponent>(0);
            foreach (var (name, value) in parameters)
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        });
        return await new HtmlParser().ParseDocumentAsync($"<!DOCTYPE html><html><body>{rendered.Markup}</body></html>");
    }

    /// <summary>Forms render an antiforgery token; outside a request there is none, so a fixed one stands in.</summary>
    internal sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
