namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The witness's answer to a testimony that names them.</summary>
public sealed class TestimonyAnswerForm
{
    public const string Confirm = "confirm";
    public const string Decline = "decline";

    /// <summary><see cref="Confirm"/> or <see cref="Decline"/>: the button pressed.</summary>
    public string? Answer { get; set; }

    /// <summary>Required when declining: what is wrong with the testimony as written.</summary>
    public string? Reason { get; set; }

    /// <summary>The item's stamp when the page was opened.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
