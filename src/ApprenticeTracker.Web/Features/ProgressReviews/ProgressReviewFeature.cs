using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Reports;
using Microsoft.AspNetCore.Authorization;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// Progress reviews between provider, employer and apprentice: the assessor drafts, the three parties sign with their
/// passwords, the provider adds addenda; each review downloads as a PDF. Every read and change goes through
/// <see cref="Security.AccessScopes"/>, so another's review answers 404.
/// </summary>
public static class ProgressReviewFeature
{
    /// <summary>Every role that is a party to a review; which reviews is decided per enrolment by AccessScopes.</summary>
    public const string PartyRoles = Roles.Apprentice + "," + Roles.Employer + "," + Roles.Assessor + "," + Roles.ProviderAdmin;

    /// <summary>The roles that draft reviews and add addenda (the training provider's side).</summary>
    public const string DraftingRoles = Roles.Assessor + "," + Roles.ProviderAdmin;

    public static IServiceCollection AddProgressReviews(this IServiceCollection services)
    {
        services.AddScoped<ProgressReviewQueries>();
        services.AddScoped<DraftReviewHandler>();
        services.AddScoped<ReviseReviewHandler>();
        services.AddScoped<SignReviewHandler>();
        services.AddScoped<DeclineReviewHandler>();
        services.AddScoped<AddAddendumHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapProgressReviews(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ProgressReviewRoutes.PdfTemplate, DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = PartyRoles });
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, ProgressReviewQueries queries, TimeProvider time, CancellationToken ct)
    {
        var copy = await queries.PaperCopyAsync(id, ct);
        if (copy is null)
        {
            return Results.NotFound();
        }

        var (parties, review) = copy.Value;

        var pdf = ProgressReviewPdf.Render(parties, review, time.GetUtcNow());
        return Results.File(pdf.Content, "application/pdf", ProgressReviewPdf.FileName(parties, review));
    }
}
