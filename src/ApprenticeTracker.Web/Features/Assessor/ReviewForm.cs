namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>The assessor's decision on a submitted item.</summary>
public sealed class ReviewForm
{
    public const string Accept = "accept";
    public const string ReferBack = "refer-back";

    /// <summary><see cref="Accept"/> or <see cref="ReferBack"/>: the button pressed.</summary>
    public string? Decision { get; set; }

    /// <summary>Optional on acceptance; required when referring back.</summary>
    public string? Feedback { get; set; }

    /// <summary>The item's stamp when the form was opened.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
