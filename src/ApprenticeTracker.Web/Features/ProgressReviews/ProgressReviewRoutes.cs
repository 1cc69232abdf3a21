namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// The addresses of the progress reviews feature: a template constant for each page's <c>[Route]</c> and endpoint, and
/// a typed helper for each link.
/// </summary>
public static class ProgressReviewRoutes
{
    public const string EnrolmentTemplate = "/reviews/apprentices/{EnrolmentId:guid}";
    public const string NewTemplate = "/reviews/apprentices/{EnrolmentId:guid}/new";
    public const string ReviewTemplate = "/reviews/{Id:guid}";
    public const string EditTemplate = "/reviews/{Id:guid}/edit";
    public const string PdfTemplate = "/reviews/{id:guid}/pdf";

    public static string Enrolment(Guid enrolmentId) => $"/reviews/apprentices/{enrolmentId}";

    public static string New(Guid enrolmentId) => $"/reviews/apprentices/{enrolmentId}/new";

    public static string Review(Guid reviewId) => $"/reviews/{reviewId}";

    public static string Edit(Guid reviewId) => $"/reviews/{reviewId}/edit";

    public static string Pdf(Guid reviewId) => $"/reviews/{reviewId}/pdf";
}
