using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprenticeTracker.Web.Components;
using Microsoft.Extensions.WebEncoders;

namespace ApprenticeTracker.Web;

/// <summary>Registers and wires up the web host: pages, sign-in, endpoints.</summary>
public static class WebExtensions
{
    public static IHostApplicationBuilder AddWebFeatures(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication("Cookies").AddCookie("Cookies");

        // The default encoder writes everything outside Basic Latin as numeric entities (Łucja as &#x141;ucja).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseWebFeatures(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
