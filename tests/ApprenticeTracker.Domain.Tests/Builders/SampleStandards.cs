namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>
/// Standards built from <see cref="StandardDefinition"/>s through <see cref="Standard.Create"/>, as an import would.
/// Named SampleStandards rather than Standards because the test namespace <c>ApprenticeTracker.Domain.Tests.Standards</c>
/// would hide a type of that name.
/// </summary>
internal static class SampleStandards
{
    /// <summary>The ten duty statements of ST0413, verbatim from the occupational map OCC0413.</summary>
    public static IReadOnlyList<string> St0413DutyStatements => ApprenticeTracker.Tests.Shared.St0413Duties.Statements;

    /// <summary>The publisher's id of duty <paramref name="number"/> of ST0413; fixed so that re-imports can refer to it.</summary>
    public static string St0413DutyId(int number) => $"0413d000-0000-0000-0000-{number:000000000000}";

    /// <summary>ST0413 as published, with its ten duties and no KSBs (the texts of its KSBs are not available).</summary>
    public static StandardDefinition St0413Definition(string version = "1.1") => new(
        ReferenceNumber: "ST0413",
        Version: version,
        Title: "Healthcare science practitioner (integrated degree)",
        Level: 6,
        TypicalDurationMonths: 36,
        Route: "Health and science",
        LarsCode: 168,
        MaxFunding: 27000m,
        IntegratedDegree: true,
        Status: "Approved for delivery",
        OverviewOfRole: "Healthcare science practitioners work in hospitals, primary care, public health and the private sector.",
        Duties: St0413DutyStatements.Select((statement, i) => new DutyDefinition(St0413DutyId(i + 1), statement, true, [])).ToList(),
        Ksbs: []);

    /// <summary>
    /// ST0413 with made-up KSBs (the real texts are not available): K1 and S1 map to D1; K2 and B1 map to D2.
    /// </summary>
    public static StandardDefinition St0413DefinitionWithKsbs()
    {
        var duties = St0413Definition().Duties.ToList();
        duties[0] = duties[0] with { MappedKsbIds = ["k-1", "s-1"] };
        duties[1] = duties[1] with { MappedKsbIds = ["k-2", "b-1"] };
        return St0413Definition() with
        {
            Duties = duties,
            Ksbs =
            [
                new KsbDefinition(KsbKind.Knowledge, "k-1", "The legal and ethical frameworks of healthcare science."),
                new KsbDefinition(KsbKind.Skill, "s-1", "Apply the codes of conduct in daily practice."),
                new KsbDefinition(KsbKind.Knowledge, "k-2", "How technical scientific services are planned and monitored."),
                new KsbDefinition(KsbKind.Behaviour, "b-1", "Takes responsibility for the quality of the service."),
            ],
        };
    }

    /// <summary>ST0413 version <paramref name="version"/>, created as an import would create it.</summary>
    public static Standard St0413(string version = "1.1") => Standard.Create(St0413Definition(version), Actor.System, Clock.Now);

    /// <summary>ST0413 v1.1 with the made-up KSBs of <see cref="St0413DefinitionWithKsbs"/>.</summary>
    public static Standard St0413WithKsbs() => Standard.Create(St0413DefinitionWithKsbs(), Actor.System, Clock.Now);

    /// <summary>A different standard altogether, with one KSB, for the rule that duties and KSBs of another standard cannot be used.</summary>
    public static Standard Another() => Standard.Create(
        new StandardDefinition(
            "ST0001", "1.0", "Another occupation", 3, 18, "Business and administration", null, null, false, null, null,
            [new DutyDefinition("other-d1", "Do the other job well.", true, ["other-k1"])],
            [new KsbDefinition(KsbKind.Knowledge, "other-k1", "Knows the other job.")]),
        Actor.System,
        Clock.Now);
}
