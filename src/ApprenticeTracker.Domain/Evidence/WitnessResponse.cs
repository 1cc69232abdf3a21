namespace ApprenticeTracker.Domain.Evidence;

/// <summary>How the witness named on a witness testimony answered it.</summary>
public enum WitnessResponse
{
    /// <summary>The testimony records what the witness saw.</summary>
    Confirmed = 1,

    /// <summary>The witness does not stand behind it as written, and gave a reason.</summary>
    Declined = 2,
}
