using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>Standard definitions and standards files for tests.</summary>
public static class Definitions
{
    public static readonly string[] DutyStatements =
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

    /// <summary>The ten ST0413 duties, with two knowledge, one skill and one behaviour statement mapped to the first two duties.</summary>
    public static StandardDefinition WithKsbs(string reference, string version) => new(
        reference, version, "Healthcare science practitioner (integrated degree)", 6, 36, "Health and science", 168, 27000m, true,
        "Approved for delivery", null,
        DutyStatements.Select((s, i) => new DutyDefinition(
            $"duty-{i + 1}", s, true,
            i switch { 0 => ["k-1", "s-1"], 1 => ["k-2", "b-1"], _ => [] })).ToList(),
        [
            new KsbDefinition(KsbKind.Knowledge, "k-1", "Legal and ethical frameworks of healthcare science."),
            new KsbDefinition(KsbKind.Knowledge, "k-2", "Principles of quality control."),
            new KsbDefinition(KsbKind.Skill, "s-1", "Apply codes of conduct in practice."),
            new KsbDefinition(KsbKind.Behaviour, "b-1", "Treat people with dignity."),
        ]);

    public static string SampleFile => Path.Combine(RepositoryRoot, "samples", "standards", "ST0413-v1.1.json");

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ApprenticeTracker.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("The repository root (with ApprenticeTracker.sln) was not found.");
        }
    }
}
