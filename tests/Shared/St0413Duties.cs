namespace ApprenticeTracker.Tests.Shared;

/// <summary>
/// The ten duty statements of ST0413, verbatim from the occupational map OCC0413 (DOMAIN.md): the one oracle the test
/// projects share, compiled into each of them (see their project files), so that a typo cannot hide in one copy.
/// </summary>
internal static class St0413Duties
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "Practice according to the legal, ethical and professional standards and codes of conduct for Healthcare Scientists.",
        "Provide, plan, monitor, assess and troubleshoot the technical scientific services delivered by yourself and the team.",
        "Provide clinical care using scientific and professional knowledge and skills to provide or support others to do the same.",
        "Communicate with others using techniques that facilitate understanding.",
        "Lead and support colleagues to work in partnership with the wider healthcare team.",
        "Maintain a healthy, safe and secure workplace, supporting others to do the same.",
        "Monitor the quality of service, via audit, governance and incident investigation processes and leading service improvement programmes.",
        "Contribute to the development of services through innovation or research within scope of own role.",
        "Maintain and develop own competence and that of others using ongoing reflection and continual professional development.",
        "Manage complex and sensitive information adhering to information governance requirements.",
    ];
}
