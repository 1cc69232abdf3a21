using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprenticeTracker.Web.CommandLine;
using ApprenticeTracker.Web.Components;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Health;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Features.OffTheJob;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.ProgressReviews;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.Reports;
using ApprenticeTracker.Web.Features.WhatsNew;
using ApprenticeTracker.Web.Files;
using ApprenticeTracker.Web.Hosting;
using ApprenticeTracker.Web.Live;
using ApprenticeTracker.Web.Settings;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.WebEncoders;

namespace ApprenticeTracker.Web;

/// <summary>Registers and wires up the web host: pages, accounts, endpoints and the command-line verbs.</summary>
public static class WebExtensions
{
    /// <summary>The environment the tests run the host in: like Production, except that cookies also go over http.</summary>
    public const string TestingEnvironment = "Testing";

    public static IHostApplicationBuilder AddWebFeatures(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Pages render on the server and work without JavaScript; the parts where live updates pay run as interactive
        // server components on top of them (docs/decisions/0120).
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => CircuitSettings.Apply(o, builder.Environment.IsDevelopment()))
            .AddHubOptions(CircuitSettings.Apply);

        // The server's name and version tell an attacker which vulnerabilities to try.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddCascadingAuthenticationState();

        // The default encoder writes everything outside Basic Latin as numeric entities (Łucja as &#x141;ucja).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        builder.AddAccounts();
        builder.AddEmail();
        services.AddLiveUpdates();
        services.AddSharedSettings();

        // Files that forms of several features send (evidence, off-the-job entries) go through one service.
        services.AddScoped<FileUploads>();

        services.AddPortfolio();
        services.AddEvidence();
        services.AddReports();
        services.AddScoped<HomeQuery>();
        services.AddAssessor();
        services.AddOffTheJob();
        services.AddProvider();
        services.AddEmployer();
        services.AddProgressReviews();
        services.AddWhatsNew();
        services.AddSingleton<DataPreparation>();
        services.AddVerbs();
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

        app.Use(SecurityHeaders.AddAsync);
        app.Use(UploadBuffering.BufferInDataFolder);
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.Use(GetRequestsOnlyGetStatusPages);
        app.UseAccountCookies();
        app.UseAccounts();
        app.UseAuthorization();
        app.UseEvidence();
        app.UseOffTheJob();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoint();
        app.MapAccountEndpoints();
        app.MapReportEndpoints();
        app.MapProvider();
        app.MapProgressReviews();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Re-execution keeps the request's method, and a page answers a POST only with its antiforgery token and form
    /// name: a status page for a POST or DELETE would turn a 404 or 405 into a 400. Those get the bare status.
    /// </summary>
    private static Task GetRequestsOnlyGetStatusPages(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        return next(context);
    }
}
