namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>Reading a ULN typed into a provider's form: the one place its check digit and its uniqueness are judged.</summary>
internal static class UlnChecks
{
    /// <summary>
    /// The ULN typed, or null when the field is blank or refused: a number whose check digit fails, or one that another
    /// enrolment of the provider already has, is refused at <paramref name="field"/> with what to do.
    /// </summary>
    /// <param name="exceptEnrolmentId">The enrolment being changed, whose own number is no clash.</param>
    public static async Task<Uln?> ReadAsync(
        AppDbContext db, Guid providerId, string? typed, Guid? exceptEnrolmentId, FormErrors errors, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (!Uln.TryParse(typed, out var uln, out var why))
        {
            errors.Add(field, why);
            return null;
        }

        var holder = await (
                from e in db.Enrolments
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where e.TrainingProviderId == providerId && e.Uln == uln.Value && e.Id != exceptEnrolmentId
                select new { a.GivenName, a.FamilyName, a.NameOrder })
            .FirstOrDefaultAsync(ct);
        if (holder is not null)
        {
            errors.Add(field, $"{uln.Value} is already the ULN of {PersonName.Full(holder.GivenName, holder.FamilyName, holder.NameOrder)}: check the number against the learner's record.");
            return null;
        }

        return uln;
    }
}
