namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The witness testimonies an employer contact answers: the one rule the home page, the answer and what's new share.</summary>
public static class EmployerWitnessing
{
    /// <summary>
    /// The submitted (never draft) items in the user's scope that name the signed-in contact as their witness; none for
    /// anyone who is not an employer contact.
    /// </summary>
    public static IQueryable<EvidenceItem> NamingMe(AppDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var contactId = user.IsEmployer ? user.EmployerContactId : null;
        return AccessScopes.Evidence(db, user)
            .Where(i => contactId != null && i.WitnessContactId == contactId && i.Status != EvidenceStatus.Draft);
    }

    /// <summary>Those of <see cref="NamingMe"/> the contact has not answered yet.</summary>
    public static IQueryable<EvidenceItem> Waiting(AppDbContext db, CurrentUser user) =>
        NamingMe(db, user).Where(i => i.WitnessResponse == null);
}
