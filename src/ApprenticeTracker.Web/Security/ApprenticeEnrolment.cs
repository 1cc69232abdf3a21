namespace ApprenticeTracker.Web.Security;

/// <summary>The signed-in apprentice's enrolment, as the portfolio pages need it.</summary>
public sealed class ApprenticeEnrolment
{
    public Guid Id { get; init; }

    public Guid StandardId { get; init; }

    public DateOnly StartDate { get; init; }

    public EnrolmentStatus Status { get; init; }

    public string StandardReferenceNumber { get; init; } = string.Empty;

    public string StandardVersion { get; init; } = string.Empty;

    public string StandardTitle { get; init; } = string.Empty;

    /// <summary>"ST0413 v1.1".</summary>
    public string StandardDisplayReference => $"{StandardReferenceNumber} v{StandardVersion}";

    /// <summary>
    /// The signed-in apprentice's current enrolment: the latest that started, through <see cref="AccessScopes"/>, so
    /// nobody else's is ever found. Null when they have none.
    /// </summary>
    public static Task<ApprenticeEnrolment?> FindAsync(AppDbContext db, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return (
                from e in AccessScopes.Enrolments(db, user).AsNoTracking()
                join s in db.Standards on e.StandardId equals s.Id
                where user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId
                orderby e.StartDate descending
                select new ApprenticeEnrolment
                {
                    Id = e.Id,
                    StandardId = e.StandardId,
                    StartDate = e.StartDate,
                    Status = e.Status,
                    StandardReferenceNumber = s.ReferenceNumber,
                    StandardVersion = s.Version,
                    StandardTitle = s.Title,
                })
            .FirstOrDefaultAsync(ct);
    }
}
