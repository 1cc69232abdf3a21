using ApprenticeTracker.Persistence.Email;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>One kind of mail on the account page: what it is and how the person receives it.</summary>
public sealed record MailChoice(MailKind Kind, string Label, string Hint, MailDelivery Delivery);

/// <summary>Reads and saves the signed-in person's choices of how to receive each kind of mail their roles get.</summary>
public sealed class EmailPreferencesHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    /// <summary>The kinds of mail the signed-in person's roles receive, with their choices.</summary>
    public async Task<IReadOnlyList<MailChoice>> ChoicesAsync(CancellationToken ct)
    {
        if (!user.IsSignedIn)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.EmailPreferences.AsNoTracking().Where(p => p.UserId == user.UserId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return KindsFor(user).Select(k => k with { Delivery = stored.GetValueOrDefault(k.Kind, MailDelivery.Immediately) }).ToList();
    }

    /// <summary>Saves the choices posted for the kinds this person receives; anything else posted is ignored.</summary>
    public async Task SaveAsync(IReadOnlyDictionary<MailKind, MailDelivery> choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (!user.IsSignedIn)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.EmailPreferences.Where(p => p.UserId == user.UserId).ToListAsync(ct);
        foreach (var kind in KindsFor(user).Select(k => k.Kind))
        {
            if (!choices.TryGetValue(kind, out var delivery) || !Enum.IsDefined(delivery))
            {
                continue;
            }

            var row = stored.Find(p => p.Kind == kind);
            if (delivery == MailDelivery.Immediately)
            {
                if (row is not null)
                {
                    db.EmailPreferences.Remove(row);
                }
            }
            else if (row is null)
            {
                db.EmailPreferences.Add(new EmailPreference(user.UserId, kind, delivery));
            }
            else
            {
                row.Delivery = delivery;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<MailChoice> KindsFor(CurrentUser user)
    {
        if (user.IsApprentice)
        {
            yield return new MailChoice(MailKind.EvidenceReviewed, "Evidence reviewed", "When an assessor accepts your evidence or refers it back.", MailDelivery.Immediately);
            yield return new MailChoice(MailKind.SignOffChanged, "Duties signed off", "When an assessor signs off one of your duties, or revokes a sign-off.", MailDelivery.Immediately);
        }

        if (user.IsAssessor)
        {
            yield return new MailChoice(MailKind.EvidenceSubmitted, "Evidence to review", "When one of your apprentices submits evidence.", MailDelivery.Immediately);
            yield return new MailChoice(MailKind.ReviewReminder, "Review reminders", "Each morning, when evidence has waited too long for your review.", MailDelivery.Immediately);
        }
    }
}

/// <summary>The account page's email choices as posted: one value of <see cref="MailDelivery"/> per kind.</summary>
public sealed class EmailChoicesForm
{
    public string? EvidenceSubmitted { get; set; }

    public string? EvidenceReviewed { get; set; }

    public string? SignOffChanged { get; set; }

    public string? ReviewReminder { get; set; }

    public IEnumerable<(MailKind Kind, string? Value)> All() =>
    [
        (MailKind.EvidenceSubmitted, EvidenceSubmitted),
        (MailKind.EvidenceReviewed, EvidenceReviewed),
        (MailKind.SignOffChanged, SignOffChanged),
        (MailKind.ReviewReminder, ReviewReminder),
    ];
}
