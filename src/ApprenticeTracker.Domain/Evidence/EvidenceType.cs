namespace ApprenticeTracker.Domain.Evidence;

/// <summary>The kinds of evidence in common use on English apprenticeships.</summary>
public enum EvidenceType
{
    Observation = 1,

    /// <summary>Records only what the witness saw, with the witness's name, role, contact and date.</summary>
    WitnessTestimony = 2,

    /// <summary>The record of a professional discussion.</summary>
    ProfessionalDiscussion = 3,
    ReflectiveAccount = 4,
    WorkProduct = 5,
    CaseStudy = 6,

    /// <summary>A record of CPD or training.</summary>
    CpdRecord = 7,
    SimulationProduct = 8,
    Recording = 9,
}

/// <summary>Display names of <see cref="EvidenceType"/> in British English.</summary>
public static class EvidenceTypeNames
{
    public static string DisplayName(this EvidenceType type) => type switch
    {
        EvidenceType.Observation => "Observation",
        EvidenceType.WitnessTestimony => "Witness testimony",
        EvidenceType.ProfessionalDiscussion => "Professional discussion",
        EvidenceType.ReflectiveAccount => "Reflective account",
        EvidenceType.WorkProduct => "Work product",
        EvidenceType.CaseStudy => "Case study",
        EvidenceType.CpdRecord => "CPD or training record",
        EvidenceType.SimulationProduct => "Product of a simulation",
        EvidenceType.Recording => "Recording",
        _ => type.ToString(),
    };
}
