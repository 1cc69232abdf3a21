using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>Standard definitions and standards files for tests.</summary>
public static class Definitions
{
    public static IReadOnlyList<string> DutyStatements => ApprenticeTracker.Tests.Shared.St0413Duties.Statements;

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
