namespace ApprenticeTracker.Web.Settings;

/// <summary>
/// When an apprentice counts as behind on off-the-job training (section <c>OffTheJob</c> of the configuration): amber
/// when the approved hours are more than <see cref="AmberBehindPercent"/> % short of the hours planned to date, red
/// when more than <see cref="RedBehindPercent"/> %. Checked at start-up.
/// </summary>
public sealed class OffTheJobOptions
{
    public const string SectionName = "OffTheJob";

    public int AmberBehindPercent { get; set; } = 10;

    public int RedBehindPercent { get; set; } = 20;

    public bool IsValid => AmberBehindPercent is > 0 and < 100 && RedBehindPercent >= AmberBehindPercent && RedBehindPercent < 100;

    /// <summary>Behind at all: amber or red.</summary>
    public bool IsBehind(decimal shortfall) => shortfall * 100 > AmberBehindPercent;

    public bool IsFarBehind(decimal shortfall) => shortfall * 100 > RedBehindPercent;

    /// <summary>"more than 10 % behind the hours planned to date".</summary>
    public string AmberRule => string.Create(CultureInfo.InvariantCulture, $"off-the-job hours more than {AmberBehindPercent} % behind plan");

    public string RedRule => string.Create(CultureInfo.InvariantCulture, $"off-the-job hours more than {RedBehindPercent} % behind plan");
}
