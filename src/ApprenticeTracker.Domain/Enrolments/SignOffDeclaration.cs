using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>The declaration an assessor reads and signs when signing off a duty.</summary>
public static class SignOffDeclaration
{
    public static string For(string apprenticeName, Standard standard, Duty duty)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(duty);
        return $"I confirm that {apprenticeName} has demonstrated competence in duty {duty.Code} of {standard.DisplayReference} "
            + $"(\u201c{duty.Statement}\u201d), and that the evidence I have chosen is valid, authentic, current and sufficient.";
    }
}
