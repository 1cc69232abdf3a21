using System.Data.Common;
using ApprenticeTracker.Persistence.Auditing;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence.Standards;
using ApprenticeTracker.Web.Hosting;

namespace ApprenticeTracker.Web.CommandLine;

/// <summary>
/// The command-line verbs of the host (<c>migrate</c>, <c>import-standard</c>, <c>seed-demo</c>, <c>report</c>,
/// <c>check-files</c>, <c>backup</c>, <c>verify-backup</c>, <c>restore</c>, <c>verify-audit</c>, <c>copy-database</c>, <c>help</c>). They run on the same services as
/// the web app, write to the writers they are given and return an exit code (<see cref="ExitCodes"/>), so tests run
/// them in-process. Each holds the data folder's lock shared while it runs, as the app does, except <c>restore</c>,
/// which needs it exclusively (<see cref="DataFolderLock"/>).
/// </summary>
public sealed class CommandLineApplication(IServiceScopeFactory scopes, DataPreparation preparation, DataPaths paths)
{
    public const string Migrate = "migrate";
    public const string ImportStandard = "import-standard";
    public const string SeedDemo = "seed-demo";
    public const string Help = "help";
    public const string VerifyAudit = "verify-audit";
    public const string CopyDatabase = "copy-database";
    public const string ToOption = "--to";
    public const string Report = ReportVerb.Name;
    public const string CheckFiles = DataFolderVerbs.CheckFiles;
    public const string Backup = DataFolderVerbs.Backup;
    public const string VerifyBackup = DataFolderVerbs.VerifyBackup;
    public const string Restore = DataFolderVerbs.Restore;
    public const string ScaleOption = "--scale";
    public const string Small = "small";
    public const string Large = "large";
    public const string ApprenticesOption = "--apprentices";

    private static readonly string[] HelpFlags = ["--help", "-h", "-?", "/?"];

    /// <summary>
    /// Whether the command line names a verb. With no arguments, or with host options only (<c>--urls …</c>), the
    /// web app runs instead.
    /// </summary>
    public static bool IsVerb(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && (!args[0].StartsWith('-') || HelpFlags.Contains(args[0], StringComparer.Ordinal));
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0)
        {
            return UsageError(error, "Name a verb.");
        }

        var verb = args[0];
        var arguments = args.Skip(1).ToList();
        if (verb == Help || HelpFlags.Contains(verb, StringComparer.Ordinal))
        {
            output.WriteLine(Usage.Text);
            return ExitCodes.Success;
        }

        try
        {
            // verify-backup reads only the backup; restore takes the lock exclusively itself.
            var usesDataFolder = verb is Migrate or ImportStandard or SeedDemo or Report or CheckFiles or Backup or VerifyAudit or CopyDatabase;
            using var shared = usesDataFolder ? DataFolderLock.TryShared(paths) : null;
            if (usesDataFolder && shared is null)
            {
                error.WriteLine($"'{verb}' failed: a restore is running on the data folder {paths.Root}. Run it again when the restore has finished.");
                return ExitCodes.Failure;
            }

            if (verb is Backup or VerifyBackup or Restore && paths.Provider == DatabaseProvider.PostgreSql)
            {
                error.WriteLine($"'{verb}' works on the SQLite data folder. On PostgreSQL back up the database with pg_dump and the evidence files with the file system's own tools (see README, \"Running on PostgreSQL\").");
                return ExitCodes.Failure;
            }

            await using var scope = scopes.CreateAsyncScope();
            var dataFolder = scope.ServiceProvider.GetRequiredService<DataFolderVerbs>();
            return verb switch
            {
                Migrate => arguments.Count == 0
                    ? await MigrateAsync(output, ct)
                    : UsageError(error, $"'{Migrate}' takes no arguments; it was given '{string.Join(' ', arguments)}'."),
                ImportStandard => arguments.Count == 1 && !arguments[0].StartsWith("--", StringComparison.Ordinal)
                    ? await ImportStandardAsync(arguments[0], output, error, ct)
                    : UsageError(error, $"'{ImportStandard}' takes one argument, the file to import: {ImportStandard} <file>."),
                SeedDemo => ParseScale(arguments, out var problem) is { } scale
                    ? await SeedDemoAsync(scale, output, error, ct)
                    : UsageError(error, problem),
                Report => await ReportAsync(arguments, output, error, ct),
                CheckFiles => arguments is [] or [DataFolderVerbs.DryRunOption]
                    ? await dataFolder.CheckFilesAsync(arguments.Count == 1, output, error, ct)
                    : UsageError(error, $"'{CheckFiles}' takes only the option {DataFolderVerbs.DryRunOption}."),
                Backup => arguments is [DataFolderVerbs.OutOption, var folder] && !folder.StartsWith("--", StringComparison.Ordinal)
                    ? await dataFolder.BackupAsync(folder, output, error, ct)
                    : UsageError(error, $"'{Backup}' needs the folder to write the backup to: {Backup} {DataFolderVerbs.OutOption} <folder>."),
                VerifyBackup => arguments is [var folder] && !folder.StartsWith("--", StringComparison.Ordinal)
                    ? await dataFolder.VerifyBackupAsync(folder, output, error, ct)
                    : UsageError(error, $"'{VerifyBackup}' takes one argument, the backup's folder: {VerifyBackup} <folder>."),
                Restore => arguments is [DataFolderVerbs.FromOption, var folder] && !folder.StartsWith("--", StringComparison.Ordinal)
                    ? await dataFolder.RestoreAsync(folder, output, error, ct)
                    : UsageError(error, $"'{Restore}' needs the backup's folder: {Restore} {DataFolderVerbs.FromOption} <folder>."),
                VerifyAudit => arguments.Count == 0
                    ? await VerifyAuditAsync(output, error, ct)
                    : UsageError(error, $"'{VerifyAudit}' takes no arguments; it was given '{string.Join(' ', arguments)}'."),
                CopyDatabase => arguments is [ToOption, var target] && !target.StartsWith("--", StringComparison.Ordinal)
                    ? await CopyDatabaseAsync(target, output, error, ct)
                    : UsageError(error, $"'{CopyDatabase}' needs the PostgreSQL database to copy into: {CopyDatabase} {ToOption} <connection string>."),
                _ => UsageError(error, $"'{verb}' is not a verb this app knows."),
            };
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The database or the data folder could not be reached: say why, without a stack trace.
            error.WriteLine($"'{verb}' failed: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> MigrateAsync(TextWriter output, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        output.WriteLine($"The database is up to date: {paths.Description}");
        return ExitCodes.Success;
    }

    private async Task<int> CopyDatabaseAsync(string target, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var outcome = await scope.ServiceProvider.GetRequiredService<Persistence.Copying.DatabaseCopier>().CopyAsync(target, output, ct);
        if (!outcome.Succeeded)
        {
            error.WriteLine($"'{CopyDatabase}' failed: {outcome.Error}");
            return ExitCodes.Failure;
        }

        output.WriteLine($"Copied {outcome.Tables.Count} tables from {paths.Description} into {DataPaths.Describe(DatabaseProvider.PostgreSql, target)}; every table's row count matches.");
        return ExitCodes.Success;
    }

    private async Task<int> ImportStandardAsync(string file, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var importer = scope.ServiceProvider.GetRequiredService<StandardImporter>();
        var actor = new Actor(Actor.System.UserId, $"Command line ({Environment.UserName})");

        var result = await importer.ImportFileAsync(ResolveInputFile(file), actor, ct);

        if (!result.Succeeded)
        {
            error.WriteLine($"The standard in {file} was not imported: {result.Error}");
            return ExitCodes.Failure;
        }

        var what = result.Created ? "Imported" : "Re-imported";
        output.WriteLine($"{what} {result.ReferenceNumber} v{result.Version}: {result.DutyCount} duties, {result.KsbCount} KSBs.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The size of the demo data: none or <c>--scale small</c> is the default; <c>--scale large</c> adds a large cohort,
    /// of <c>--apprentices N</c> apprentices (<see cref="LargeDemoDataSeeder.DefaultApprentices"/> without it). Null,
    /// with the reason, for anything else.
    /// </summary>
    private static (string Scale, int Apprentices)? ParseScale(List<string> arguments, out string problem)
    {
        problem = string.Empty;
        string? scale = null;
        int? apprentices = null;
        for (var i = 0; i < arguments.Count; i += 2)
        {
            var value = i + 1 < arguments.Count ? arguments[i + 1] : null;
            switch (arguments[i])
            {
                case ScaleOption when scale is null && value is Small or Large:
                    scale = value;
                    break;
                case ScaleOption:
                    problem = $"The option '{ScaleOption}' of '{SeedDemo}' takes small or large, once.";
                    return null;
                case ApprenticesOption when apprentices is null
                    && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                    && count is >= 1 and <= LargeDemoDataSeeder.MaximumApprentices:
                    apprentices = count;
                    break;
                case ApprenticesOption:
                    problem = FormattableString.Invariant(
                        $"The option '{ApprenticesOption}' of '{SeedDemo}' takes a whole number from 1 to {LargeDemoDataSeeder.MaximumApprentices:N0}, once.");
                    return null;
                default:
                    problem = $"'{SeedDemo}' does not know the option '{arguments[i]}'.";
                    return null;
            }
        }

        if (apprentices is not null && scale != Large)
        {
            problem = $"The option '{ApprenticesOption}' of '{SeedDemo}' sizes the large data; give it with '{ScaleOption} {Large}'.";
            return null;
        }

        return (scale ?? Small, apprentices ?? LargeDemoDataSeeder.DefaultApprentices);
    }

    private async Task<int> SeedDemoAsync((string Scale, int Apprentices) size, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (scale, apprentices) = size;
        var prepared = await preparation.PrepareAsync(seedDemoData: true, ct);
        if (prepared.Sample.Failed)
        {
            error.WriteLine($"Demo data needs {SampleStandard.ReferenceNumber} v{SampleStandard.Version}, which could not be imported: {prepared.Sample.Error}");
            return ExitCodes.Failure;
        }

        output.WriteLine(prepared.DemoDataSeeded
            ? "Demo data seeded."
            : "Demo data was already there; nothing was changed.");
        if (scale == Large)
        {
            await using var scope = scopes.CreateAsyncScope();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var added = await scope.ServiceProvider.GetRequiredService<LargeDemoDataSeeder>().SeedAsync(apprentices, ct);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine(added
                ? FormattableString.Invariant($"Large demo data seeded: {apprentices:N0} apprentices with {apprentices * LargeDemoDataSeeder.EvidencePerApprentice:N0} evidence items for provider A, in {seconds:0.0} s.")
                : "Large demo data was already there; nothing was changed.");
        }

        output.WriteLine($"Demo sign-ins, all with the password {DemoDataSeeder.DemoPassword}:");
        foreach (var signIn in prepared.DemoSignIns)
        {
            output.WriteLine($"  {signIn.Email} ({signIn.Roles})");
        }

        return ExitCodes.Success;
    }

    private async Task<int> VerifyAuditAsync(TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(ct);
        if (report.FirstBreak is { } broken)
        {
            error.WriteLine($"The audit trail is broken. {broken.Describe()}");
            error.WriteLine(FormattableString.Invariant($"The {report.EventsChecked:N0} events before it are intact."));
            return ExitCodes.Failure;
        }

        output.WriteLine(FormattableString.Invariant($"The audit trail is intact: {report.EventsChecked:N0} events, each chained to the one before."));
        output.WriteLine($"Last hash: {report.LastHash}");
        return ExitCodes.Success;
    }

    private async Task<int> ReportAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportVerb>().RunAsync(arguments, output, error, message => UsageError(error, message), ct);
    }

    /// <summary>
    /// <c>dotnet run --project</c> runs the app in its project folder, so a path such as
    /// <c>samples/standards/ST0413-v1.1.json</c> typed at the repository's root is also looked up beside the app,
    /// where the shipped samples are copied.
    /// </summary>
    private static string ResolveInputFile(string file)
    {
        var fromWorkingFolder = Path.GetFullPath(file);
        if (Path.IsPathRooted(file) || File.Exists(fromWorkingFolder))
        {
            return fromWorkingFolder;
        }

        var fromAppFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, file));
        return File.Exists(fromAppFolder) ? fromAppFolder : fromWorkingFolder;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine();
        error.WriteLine(Usage.Text);
        return ExitCodes.Usage;
    }
}
