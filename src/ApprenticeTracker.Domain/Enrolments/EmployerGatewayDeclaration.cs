using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>The employer's agreement that an apprentice is ready for gateway, as recorded on the enrolment.</summary>
/// <param name="AgreedByName">The contact's name and job title when they agreed.</param>
/// <param name="Declaration">The declaration they agreed to, word for word.</param>
public sealed record EmployerGatewayAgreement(string AgreedByName, string Declaration, DateTimeOffset AgreedAt);

/// <summary>The declaration an employer contact reads and agrees to when they confirm an apprentice is ready for gateway.</summary>
public static class EmployerGatewayDeclaration
{
    /// <summary>The longest declaration stored: ample for the longest names of apprentice, employer and standard.</summary>
    public const int MaxLength = 2000;

    public static string For(string apprenticeName, string employerName, Standard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return $"On behalf of {employerName}, I confirm that {apprenticeName} is ready for end-point assessment on {standard.DisplayReference} "
            + $"({standard.Title}): in their work they consistently show the competence the standard describes, and we agree that they go forward to gateway.";
    }
}
