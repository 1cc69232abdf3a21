using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.ProgressReviews;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.ProgressReviews;

/// <summary>An active demo apprentice of the demo assessor and the demo employer, with the apprentice's sign-in.</summary>
internal sealed record ReviewCase(Guid EnrolmentId, string ApprenticeEmail, string ApprenticeName);

/// <summary>Finds demo apprentices for review tests and posts the review forms as a browser does.</summary>
internal static class ReviewRecords
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// A new apprentice of the demo employer's employer, with a sign-in account (the demo password), enrolled five
    /// months ago on the demo's standard and assigned to the demo assessor: made through the domain and Identity, as
    /// enrolment does, so that every test has an apprentice of its own.
    /// </summary>
    public static async Task<ReviewCase> FreshAsync(AppFactory factory, HashSet<Guid> used)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var employerId = await db.EmployerContacts.Where(c => c.Email == DemoDataSeeder.EmployerEmail).Select(c => c.EmployerId).SingleAsync();
        var employer = await db.Employers.SingleAsync(e => e.Id == employerId);
        var provider = await db.TrainingProviders.SingleAsync(p => p.Id == employer.TrainingProviderId);
        var standardId = await db.Apprentices.Where(a => a.Email == DemoDataSeeder.ApprenticeEmail)
            .Join(db.Enrolments, a => a.Id, e => e.ApprenticeId, (a, e) => e.StandardId).FirstAsync();
        var standard = await db.Standards.Include(s => s.Duties).SingleAsync(s => s.Id == standardId);
        var assessor = await db.Assessors.SingleAsync(a => a.Email == DemoDataSeeder.AssessorEmail);

        var email = $"reviewed-{Guid.NewGuid():N}@example.org";
        var account = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Nia Pryce" };
        var created = await users.CreateAsync(account, DemoDataSeeder.DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(account, Roles.Apprentice);
        var now = DateTimeOffset.UtcNow;
        var apprentice = Apprentice.Register(provider, account.Id, "Nia", "Pryce", NameOrder.GivenFirst, email, Actor.System, now);
        var start = Today.AddMonths(-5);
        var enrolment = Enrolment.Enrol(apprentice, standard, employer, null, start, start.AddYears(3), Actor.System, now);
        enrolment.AssignAssessor(assessor, Actor.System, now);
        db.Apprentices.Add(apprentice);
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        used.Add(enrolment.Id);
        return new ReviewCase(enrolment.Id, email, "Nia Pryce");
    }

    /// <summary>A complete draft as the form posts it: held two days ago, one action, the next review in a month.</summary>
    public static Dictionary<string, string> DraftFields(DateOnly? heldOn = null)
    {
        var held = heldOn ?? Today.AddDays(-2);
        return new Dictionary<string, string>
        {
            ["Form.HeldOn"] = Iso(held),
            ["Form.ProgressAgainstActions"] = "First review.",
            ["Form.TrainingSince"] = "Two workshops on clinical audit.",
            ["Form.DutyProgress"] = "D1: two observations planned.",
            ["Form.EmployerConcerns"] = "Rota clashes with study days.",
            ["Form.WellbeingChecked"] = "true",
            ["Form.Actions[0].Description"] = "Log two observations of audit work",
            ["Form.Actions[0].Owner"] = nameof(ReviewParty.Apprentice),
            ["Form.Actions[0].DueOn"] = Iso(held.AddDays(20)),
            ["Form.Actions[1].Description"] = "Free two study days a month",
            ["Form.Actions[1].Owner"] = nameof(ReviewParty.Employer),
            ["Form.Actions[1].DueOn"] = Iso(held.AddDays(25)),
            ["Form.NextReviewOn"] = Iso(held.AddDays(30)),
        };
    }

    /// <summary>Drafts a review through the assessor's form and returns its id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient assessor, Guid enrolmentId, DateOnly? heldOn = null)
    {
        using var response = await Forms.PostFormAsync(assessor, ProgressReviewRoutes.New(enrolmentId), DraftFields(heldOn));
        var target = response.RedirectTarget() ?? throw new InvalidOperationException($"The draft was not saved: {(int)response.StatusCode}.");
        return Guid.Parse(target.Split('/')[2].Split('?')[0]);
    }

    /// <summary>Signs the review on its page with the password given.</summary>
    public static Task<HttpResponseMessage> SignAsync(HttpClient client, Guid reviewId, string password = DemoDataSeeder.DemoPassword) =>
        Forms.PostFormAsync(client, ProgressReviewRoutes.Review(reviewId), [new("Sign.Password", password)], formSelector: "#sign-review form");
}
