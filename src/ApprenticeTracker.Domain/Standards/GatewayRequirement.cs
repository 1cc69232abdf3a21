namespace ApprenticeTracker.Domain.Standards;

/// <summary>
/// A gateway item that the provider confirms for each apprentice (English and maths at Level 2, modules passed…).
/// Held as data per standard version, because the items differ between standards and change with funding rules.
/// </summary>
public sealed class GatewayRequirement : Entity
{
    public const int KeyMaxLength = 50;
    public const int LabelMaxLength = 300;

    private GatewayRequirement()
    {
        Key = string.Empty;
        Label = string.Empty;
    }

    internal GatewayRequirement(Guid standardId, string key, string label, int order)
        : base(Guid.NewGuid())
    {
        StandardId = standardId;
        Key = key;
        Label = label;
        Order = order;
    }

    public Guid StandardId { get; private set; }

    /// <summary>A stable key such as <c>english-maths-l2</c>, used by confirmations.</summary>
    public string Key { get; private set; }

    public string Label { get; private set; }

    public int Order { get; private set; }

    /// <summary>
    /// The items a new standard version starts with: the general gateway conditions, and the examples DOMAIN.md
    /// gives for an integrated degree. A provider can change them.
    /// </summary>
    public static IReadOnlyList<(string Key, string Label)> Defaults { get; } = new[]
    {
        ("english-maths-l2", "English and maths at Level 2 achieved"),
        ("off-the-job-complete", "Off-the-job training completed"),
        ("qualifications-held", "Required qualifications held"),
        ("modules-passed", "All degree modules passed"),
        ("practice-assessment-signed", "Practice assessment document signed"),
        ("programme-approved", "Programme approved by the regulator"),
    };
}
