namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The employer's agreement that an apprentice is ready for gateway.</summary>
public sealed class GatewayAgreementForm
{
    /// <summary>The box "I agree with this declaration", which must be ticked.</summary>
    public bool Agree { get; set; }

    /// <summary>The enrolment's stamp when the page was opened.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
