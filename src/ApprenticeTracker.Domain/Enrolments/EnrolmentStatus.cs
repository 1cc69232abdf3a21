namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>Where an apprentice is on their programme.</summary>
public enum EnrolmentStatus
{
    /// <summary>In learning.</summary>
    Active = 1,

    /// <summary>Paused by agreement (for example illness or parental leave); returns to learning later.</summary>
    BreakInLearning = 2,

    /// <summary>Left the programme; final.</summary>
    Withdrawn = 3,

    /// <summary>Passed gateway: confirmed ready for end-point assessment.</summary>
    Gateway = 4,

    /// <summary>Completed the apprenticeship; final.</summary>
    Completed = 5,
}

/// <summary>Display names of <see cref="EnrolmentStatus"/>.</summary>
public static class EnrolmentStatusNames
{
    public static string DisplayName(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "Active",
        EnrolmentStatus.BreakInLearning => "Break in learning",
        EnrolmentStatus.Withdrawn => "Withdrawn",
        EnrolmentStatus.Gateway => "Gateway",
        EnrolmentStatus.Completed => "Completed",
        _ => status.ToString(),
    };
}
