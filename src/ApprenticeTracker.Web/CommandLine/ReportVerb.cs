using ApprenticeTracker.Reports;
using ApprenticeTracker.Web.Hosting;

namespace ApprenticeTracker.Web.CommandLine;

/// <summary>
/// The <c>report</c> verb: writes end-point assessment reports for one apprentice (<c>--apprentice &lt;email&gt;
/// --out &lt;file.pdf&gt;</c>), a cohort (<c>--cohort &lt;name&gt; --out &lt;folder&gt;</c>) or everyone
/// (<c>--all --out &lt;folder&gt;</c>). The command line sees every provider's records, as the other verbs do;
/// <c>--provider &lt;name&gt;</c> narrows a cohort or <c>--all</c> to one training provider, and a cohort name that
/// two providers use is refused without it, so that one folder never mixes two providers' apprentices by accident.
/// </summary>
public sealed class ReportVerb(
    IDbContextFactory<AppDbContext> factory, EpaReportExport export, DataPreparation preparation, IHostEnvironment environment)
{
    public const string Name = "report";

    /// <summary>Runs the verb; <paramref name="usageError"/> is how a command line not understood is reported.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, Func<string, int> usageError, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(usageError);
        if (!TryParse(arguments, out var options, out var problem))
        {
            return usageError(problem);
        }

        // As when the app starts: the database is migrated and, in Development, the demo data is there to report on.
        var prepared = await preparation.PrepareAsync(seedDemoData: environment.IsDevelopment(), ct);
        if (prepared.Sample.Failed)
        {
            error.WriteLine($"Warning: the sample standard could not be imported: {prepared.Sample.Error}");
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var enrolments =
            from e in db.Enrolments.AsNoTracking()
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            join u in db.Users on a.UserId equals u.Id
            select new { e.Id, e.CohortId, e.StartDate, u.NormalizedEmail, a.GivenName, a.FamilyName, a.NameOrder };

        if (options.Email is { } email)
        {
            // Identity's normalised form, as sign-in compares it.
            var normalised = email.Trim().ToUpperInvariant();
            var found = await enrolments.Where(e => e.NormalizedEmail == normalised)
                .OrderByDescending(e => e.StartDate).ToListAsync(ct);
            if (found.Count == 0)
            {
                error.WriteLine($"No apprentice has the email address '{email}'.");
                return ExitCodes.Failure;
            }

            var latest = found[0];
            var pdf = await export.RenderAsync(latest.Id, ct);
            var path = Path.GetFullPath(options.Out);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, pdf!, ct);
            if (found.Count > 1)
            {
                output.WriteLine($"{PersonName.Full(latest.GivenName, latest.FamilyName, latest.NameOrder)} has {found.Count} enrolments; this report is of the latest, started {Domain.Common.Dates.Display(latest.StartDate)}.");
            }

            output.WriteLine($"Wrote the report of {PersonName.Full(latest.GivenName, latest.FamilyName, latest.NameOrder)} to {path}.");
            return ExitCodes.Success;
        }

        if (options.Provider is { } providerName)
        {
            var providerIds = await db.TrainingProviders.AsNoTracking().Where(p => p.Name == providerName).Select(p => p.Id).ToListAsync(ct);
            if (providerIds.Count == 0)
            {
                var known = await db.TrainingProviders.AsNoTracking().Select(p => p.Name).OrderBy(n => n).ToListAsync(ct);
                error.WriteLine(known.Count == 0
                    ? $"There is no training provider named '{providerName}'; there are none yet."
                    : $"There is no training provider named '{providerName}'. Training providers: {string.Join(", ", known)}.");
                return ExitCodes.Failure;
            }

            enrolments =
                from e in enrolments
                join enrolment in db.Enrolments on e.Id equals enrolment.Id
                where providerIds.Contains(enrolment.TrainingProviderId)
                select e;
        }

        if (options.Cohort is { } cohortName)
        {
            var cohorts = await (
                    from c in db.Cohorts.AsNoTracking()
                    join p in db.TrainingProviders on c.TrainingProviderId equals p.Id
                    where c.Name == cohortName && (options.Provider == null || p.Name == options.Provider)
                    select new { c.Id, Provider = p.Name })
                .ToListAsync(ct);
            if (cohorts.Count == 0)
            {
                var known = await db.Cohorts.AsNoTracking().Select(c => c.Name).Distinct().OrderBy(n => n).ToListAsync(ct);
                error.WriteLine(known.Count == 0
                    ? $"There is no cohort named '{cohortName}'; there are no cohorts yet."
                    : $"There is no cohort named '{cohortName}'{(options.Provider is null ? string.Empty : $" at {options.Provider}")}. Cohorts: {string.Join(", ", known)}.");
                return ExitCodes.Failure;
            }

            var providers = cohorts.Select(c => c.Provider).Distinct().Order(StringComparer.Ordinal).ToList();
            if (providers.Count > 1)
            {
                error.WriteLine(
                    $"Training providers {string.Join(" and ", providers.Select(p => $"'{p}'"))} each have a cohort named '{cohortName}'. " +
                    $"Say whose with --provider <name>, for example --provider \"{providers[0]}\".");
                return ExitCodes.Failure;
            }

            var cohortIds = cohorts.Select(c => (Guid?)c.Id).ToList();
            enrolments = enrolments.Where(e => cohortIds.Contains(e.CohortId));
        }

        var targets = (await enrolments.ToListAsync(ct))
            .OrderBy(e => e.FamilyName, PersonName.Order).ThenBy(e => e.GivenName, PersonName.Order)
            .Select(e => new ReportTarget(e.Id, PersonName.Full(e.GivenName, e.FamilyName, e.NameOrder)))
            .ToList();
        var folder = Path.GetFullPath(options.Out);
        output.WriteLine($"Writing {targets.Count} report{(targets.Count == 1 ? string.Empty : "s")} to {folder}");
        var progress = new SynchronousProgress(p => output.WriteLine($"{p.Done} of {p.Total}"));
        var written = await export.WriteToFolderAsync(targets, folder, progress, ct);
        output.WriteLine($"Wrote {written.Count} report{(written.Count == 1 ? string.Empty : "s")}.");
        return ExitCodes.Success;
    }

    private static bool TryParse(IReadOnlyList<string> arguments, out ReportOptions options, out string problem)
    {
        options = new ReportOptions();
        problem = string.Empty;
        var selectors = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            string? Value() => i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal) ? arguments[++i] : null;
            switch (name)
            {
                case "--apprentice":
                    options = options with { Email = Value() ?? string.Empty };
                    selectors++;
                    break;
                case "--cohort":
                    options = options with { Cohort = Value() ?? string.Empty };
                    selectors++;
                    break;
                case "--all":
                    options = options with { All = true };
                    selectors++;
                    break;
                case "--provider":
                    options = options with { Provider = Value() ?? string.Empty };
                    break;
                case "--out":
                    options = options with { Out = Value() ?? string.Empty };
                    break;
                default:
                    problem = $"'{Name}' does not know the argument '{name}'.";
                    return false;
            }
        }

        problem = selectors != 1
            ? $"'{Name}' needs exactly one of --apprentice <email>, --cohort <name> or --all."
            : options.Email == string.Empty ? "--apprentice needs an email address."
            : options.Cohort == string.Empty ? "--cohort needs a cohort name."
            : options.Provider == string.Empty ? "--provider needs a training provider's name."
            : options.Provider is not null && options.Email is not null ? "--provider goes with --cohort or --all, not --apprentice."
            : string.IsNullOrWhiteSpace(options.Out) ? $"'{Name}' needs --out: a .pdf file for one apprentice, a folder for a cohort or --all."
            : options.Email is not null && !options.Out.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "With --apprentice, --out names the .pdf file to write."
            : string.Empty;
        return problem.Length == 0;
    }

    private sealed record ReportOptions(string? Email = null, string? Cohort = null, bool All = false, string Out = "", string? Provider = null);

    /// <summary>Reports on the caller's thread, so progress lines are in order (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
