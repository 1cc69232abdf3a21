using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>
/// Writes the mails a change causes into the outbox of the context that saves the change, so that both are stored in
/// one transaction or not at all. Handlers call it after the domain accepted the change and before they save. Each
/// recipient's choice counts: a kind turned off writes nothing, a kind gathered into the daily digest is held.
/// Mails say only what their recipient may see in the app, and link to that page.
/// </summary>
public sealed class Notifications(PublicLinks links)
{
    /// <summary>To each assessor of the enrolment: an item waits for their review.</summary>
    public async Task EvidenceSubmittedAsync(AppDbContext db, EvidenceItem item, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        var apprentice = await ApprenticeOfAsync(db, item.EnrolmentId, ct);
        var assessors = await (
            from assignment in db.AssessorAssignments.AsNoTracking()
            join assessor in db.Assessors.AsNoTracking() on assignment.AssessorId equals assessor.Id
            where assignment.EnrolmentId == item.EnrolmentId && assignment.EndedAt == null
            select new MailAddressee(assessor.Email, PersonName.Full(assessor.GivenName, assessor.FamilyName, assessor.NameOrder), assessor.UserId, assessor.TrainingProviderId))
            .ToListAsync(ct);
        foreach (var assessor in assessors)
        {
            var content = new MailContent(
                $"Evidence to review from {apprentice.Name}: {item.Title}",
                $"Dear {assessor.Name},",
                [$"{apprentice.Name} has submitted evidence for your review: “{item.Title}”."],
                [],
                new MailLink("Review the evidence", links.To(AssessorRoutes.Review(item.Id))));
            await QueueAsync(db, MailKind.EvidenceSubmitted, assessor, content, at, ct);
        }
    }

    /// <summary>To the apprentice: their item was accepted or referred back, with the feedback's first lines.</summary>
    public async Task EvidenceReviewedAsync(AppDbContext db, EvidenceItem item, string assessorName, string? feedback, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        var apprentice = await ApprenticeOfAsync(db, item.EnrolmentId, ct);
        var accepted = item.Status == EvidenceStatus.Accepted;
        var quote = MailContent.FirstLines(feedback);
        List<string> paragraphs = accepted
            ? [$"{assessorName} has accepted your evidence “{item.Title}”."]
            : [$"{assessorName} has referred your evidence “{item.Title}” back to you. Change it as the feedback asks, then submit it again."];
        if (quote.Count > 0)
        {
            paragraphs.Add("The feedback begins:");
        }

        var content = new MailContent(
            accepted ? $"Evidence accepted: {item.Title}" : $"Evidence referred back: {item.Title}",
            $"Dear {apprentice.Name},",
            paragraphs,
            quote,
            new MailLink(accepted ? "See the evidence" : "See the feedback and change the evidence", links.To(EvidenceRoutes.Detail(item.Id))));
        await QueueAsync(db, MailKind.EvidenceReviewed, apprentice, content, at, ct);
    }

    /// <summary>To the apprentice: a duty was signed off.</summary>
    public async Task DutySignedOffAsync(AppDbContext db, Enrolment enrolment, Guid dutyId, string assessorName, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(enrolment);
        var apprentice = await ApprenticeOfAsync(db, enrolment.Id, ct);
        var duty = await DutyNameAsync(db, dutyId, ct);
        var content = new MailContent(
            $"Duty signed off: {duty}",
            $"Dear {apprentice.Name},",
            [$"{assessorName} has signed off duty {duty}: your accepted evidence shows that you are competent in it."],
            [],
            new MailLink("See the duty", links.To(PortfolioRoutes.Duty(dutyId))));
        await QueueAsync(db, MailKind.SignOffChanged, apprentice, content, at, ct);
    }

    /// <summary>To the apprentice: the sign-off of a duty was revoked, with the reason's first lines.</summary>
    public async Task SignOffRevokedAsync(AppDbContext db, Enrolment enrolment, Guid dutyId, string assessorName, string reason, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(enrolment);
        var apprentice = await ApprenticeOfAsync(db, enrolment.Id, ct);
        var duty = await DutyNameAsync(db, dutyId, ct);
        var content = new MailContent(
            $"Sign-off revoked: {duty}",
            $"Dear {apprentice.Name},",
            [$"{assessorName} has revoked the sign-off of duty {duty}. The duty needs signing off again before gateway.", "The reason given begins:"],
            MailContent.FirstLines(reason),
            new MailLink("See the duty", links.To(PortfolioRoutes.Duty(dutyId))));
        await QueueAsync(db, MailKind.SignOffChanged, apprentice, content, at, ct);
    }

    /// <summary>To a new account holder: their account exists; the link lets them choose a password. Never a password.</summary>
    public void AccountCreated(AppDbContext db, MailAddressee to, string providerName, string setPasswordPathAndQuery, TimeSpan linkLifetime, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        var content = new MailContent(
            "Your ApprenticeTracker account",
            $"Dear {to.Name},",
            [
                $"{providerName} has created an ApprenticeTracker account for you, to record your apprenticeship's evidence and progress. You sign in with this email address.",
                $"Choose your password with the link below. It works once, for {Lifetime(linkLifetime)}; after that, use “Forgot your password?” on the sign-in page.",
            ],
            [],
            new MailLink("Choose your password", links.To(setPasswordPathAndQuery)));
        db.OutboxMessages.Add(new OutboxMessage(MailKind.AccountCreated, to, content.Subject, content.Text(), content.Html(), at));
    }

    /// <summary>A password reset link, to the account holder who asked for it.</summary>
    public void PasswordReset(AppDbContext db, MailAddressee to, string resetPathAndQuery, TimeSpan linkLifetime, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        var content = new MailContent(
            "Reset your ApprenticeTracker password",
            $"Dear {to.Name},",
            [
                $"Someone, probably you, asked to reset the password of your ApprenticeTracker account. The link below lets you choose a new one. It works once, for {Lifetime(linkLifetime)}.",
                "If you did not ask, ignore this message: your password stays as it is.",
            ],
            [],
            new MailLink("Choose a new password", links.To(resetPathAndQuery)));
        db.OutboxMessages.Add(new OutboxMessage(MailKind.PasswordReset, to, content.Subject, content.Text(), content.Html(), at));
    }

    /// <summary>Adds a mail of a kind people choose about, as the recipient chose: at once, held for the digest, or not at all.</summary>
    internal static async Task QueueAsync(AppDbContext db, MailKind kind, MailAddressee to, MailContent content, DateTimeOffset at, CancellationToken ct)
    {
        var delivery = to.UserId is null
            ? MailDelivery.Immediately
            : await db.EmailPreferences.AsNoTracking()
                .Where(p => p.UserId == to.UserId && p.Kind == kind)
                .Select(p => (MailDelivery?)p.Delivery)
                .SingleOrDefaultAsync(ct) ?? MailDelivery.Immediately;
        if (delivery == MailDelivery.Off)
        {
            return;
        }

        db.OutboxMessages.Add(new OutboxMessage(kind, to, content.Subject, content.Text(), content.Html(), at, heldForDigest: delivery == MailDelivery.DailyDigest));
    }

    private static async Task<MailAddressee> ApprenticeOfAsync(AppDbContext db, Guid enrolmentId, CancellationToken ct) =>
        await (
            from enrolment in db.Enrolments.AsNoTracking()
            join apprentice in db.Apprentices.AsNoTracking() on enrolment.ApprenticeId equals apprentice.Id
            where enrolment.Id == enrolmentId
            select new MailAddressee(apprentice.Email, PersonName.Full(apprentice.GivenName, apprentice.FamilyName, apprentice.NameOrder), apprentice.UserId, apprentice.TrainingProviderId))
            .SingleAsync(ct);

    private static async Task<string> DutyNameAsync(AppDbContext db, Guid dutyId, CancellationToken ct)
    {
        var duty = await db.Duties.AsNoTracking().Where(d => d.Id == dutyId).Select(d => new { d.Code, d.Statement }).SingleAsync(ct);
        var statement = duty.Statement.Length > 80 ? duty.Statement[..80].TrimEnd() + "…" : duty.Statement;
        return $"{duty.Code} ({statement})";
    }

    private static string Lifetime(TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 ? Plural((int)lifetime.TotalDays, "day") : Plural((int)Math.Max(1, lifetime.TotalHours), "hour");

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
