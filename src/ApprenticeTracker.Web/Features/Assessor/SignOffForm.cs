namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>An assessor's sign-off of one duty: the evidence it rests on and their password as an electronic signature.</summary>
public sealed class SignOffForm
{
    /// <summary>The accepted evidence items the decision rests on.</summary>
    public List<Guid> EvidenceIds { get; set; } = [];

    /// <summary>The assessor's own password, re-entered as their signature. Never shown back.</summary>
    public string? Password { get; set; }

    /// <summary>The enrolment's stamp when the form was opened.</summary>
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>An assessor's revocation of a sign-off, with the reason that stays on record.</summary>
public sealed class RevokeForm
{
    public string? Reason { get; set; }

    /// <summary>The enrolment's stamp when the form was opened.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
