namespace ApprenticeTracker.Domain.OffTheJob;

/// <summary>
/// What an activity was. The first nine are off-the-job training; the rest are named so that the apprentice learns
/// why they do not count: they are refused with <see cref="OffTheJobActivityKinds.WhyNotOffTheJob"/>.
/// </summary>
public enum OffTheJobActivityKind
{
    TaughtSession = 1,
    PracticalTraining = 2,
    Shadowing = 3,
    Mentoring = 4,
    IndustryVisit = 5,
    Simulation = 6,
    WritingAssignments = 7,
    OnlineLearning = 8,
    Other = 9,

    /// <summary>Not off-the-job training.</summary>
    Induction = 20,

    /// <summary>Not off-the-job training.</summary>
    EnglishAndMaths = 21,

    /// <summary>Not off-the-job training.</summary>
    ProgressReview = 22,

    /// <summary>Not off-the-job training.</summary>
    EndPointAssessmentPreparation = 23,

    /// <summary>Not off-the-job training.</summary>
    OutsideContractedHours = 24,
}

/// <summary>The words for each <see cref="OffTheJobActivityKind"/> and which of them count.</summary>
public static class OffTheJobActivityKinds
{
    /// <summary>The kinds that count as off-the-job training, in the order forms offer them.</summary>
    public static IReadOnlyList<OffTheJobActivityKind> Counted { get; } =
        Enum.GetValues<OffTheJobActivityKind>().Where(k => WhyNotOffTheJob(k) is null).ToList();

    /// <summary>The kinds that do not count, offered so that choosing one explains why.</summary>
    public static IReadOnlyList<OffTheJobActivityKind> NotCounted { get; } =
        Enum.GetValues<OffTheJobActivityKind>().Where(k => WhyNotOffTheJob(k) is not null).ToList();

    public static string DisplayName(this OffTheJobActivityKind kind) => kind switch
    {
        OffTheJobActivityKind.TaughtSession => "Taught session",
        OffTheJobActivityKind.PracticalTraining => "Practical training",
        OffTheJobActivityKind.Shadowing => "Shadowing",
        OffTheJobActivityKind.Mentoring => "Mentoring",
        OffTheJobActivityKind.IndustryVisit => "Industry visit",
        OffTheJobActivityKind.Simulation => "Simulation",
        OffTheJobActivityKind.WritingAssignments => "Writing assignments",
        OffTheJobActivityKind.OnlineLearning => "Online learning",
        OffTheJobActivityKind.Other => "Other",
        OffTheJobActivityKind.Induction => "Induction",
        OffTheJobActivityKind.EnglishAndMaths => "English and maths",
        OffTheJobActivityKind.ProgressReview => "Progress review",
        OffTheJobActivityKind.EndPointAssessmentPreparation => "End-point assessment or its preparation after gateway",
        OffTheJobActivityKind.OutsideContractedHours => "Training outside contracted hours",
        _ => kind.ToString(),
    };

    /// <summary>Why the kind is not off-the-job training, or null when it is.</summary>
    public static string? WhyNotOffTheJob(this OffTheJobActivityKind kind) => kind switch
    {
        OffTheJobActivityKind.Induction => "Induction is not off-the-job training: it does not teach the knowledge, skills and behaviours of the standard.",
        OffTheJobActivityKind.EnglishAndMaths => "English and maths do not count as off-the-job training: they are funded separately.",
        OffTheJobActivityKind.ProgressReview => "Progress reviews are not off-the-job training: they look back at the training rather than deliver it.",
        OffTheJobActivityKind.EndPointAssessmentPreparation => "The end-point assessment and preparing for it after gateway are not off-the-job training.",
        OffTheJobActivityKind.OutsideContractedHours => "Time outside your contracted hours is not off-the-job training: it must happen within paid working hours.",
        _ => null,
    };

    /// <summary>Reads a kind from its name or its label, ignoring case and spaces ("shadowing", "Taught session"); null when none matches.</summary>
    public static OffTheJobActivityKind? Parse(string? text)
    {
        var key = Normalise(text);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var kind in Enum.GetValues<OffTheJobActivityKind>())
        {
            if (Normalise(kind.ToString()) == key || Normalise(kind.DisplayName()) == key)
            {
                return kind;
            }
        }

        return null;
    }

    private static string Normalise(string? text) =>
        new((text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
