namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>The heading of an apprentice's pages, read from enrolments already narrowed to what the user may see.</summary>
internal static class ApprenticeHeadings
{
    public static IQueryable<ApprenticeHeading> Of(AppDbContext db, IQueryable<Enrolment> enrolments) =>
        from e in enrolments
        join a in db.Apprentices on e.ApprenticeId equals a.Id
        join employer in db.Employers on e.EmployerId equals employer.Id
        join s in db.Standards on e.StandardId equals s.Id
        from c in db.Cohorts.Where(c => c.Id == e.CohortId).DefaultIfEmpty()
        select new ApprenticeHeading
        {
            EnrolmentId = e.Id,
            StandardId = e.StandardId,
            GivenName = a.GivenName,
            FamilyName = a.FamilyName,
            NameOrder = a.NameOrder,
            EmployerName = employer.Name,
            CohortName = c == null ? null : c.Name,
            Standard = s.ReferenceNumber + " v" + s.Version,
            StandardTitle = s.Title,
            Status = e.Status,
            StartDate = e.StartDate,
            PlannedEndDate = e.PlannedEndDate,
        };
}
