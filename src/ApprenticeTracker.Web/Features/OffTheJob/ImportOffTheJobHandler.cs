using System.Text;
using ApprenticeTracker.Domain.OffTheJob;
using CsvHelper;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// The provider imports off-the-job entries from a CSV file (columns: apprentice email or ULN, date, minutes, kind,
/// description), each waiting for approval like the apprentice's own. All or nothing: every refused row is reported by
/// its line number and reason, and then nothing is saved.
/// </summary>
public sealed class ImportOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public const string FileField = "File";

    /// <summary>The largest file accepted: about 10,000 rows.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Beyond this many refused rows the list says how many more there are, so that the page stays readable.</summary>
    public const int MaxRowsReported = 50;

    private static readonly string[] Required = ["date", "minutes", "kind", "description"];

    public async Task<CommandResult> HandleAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return CommandResult.Refused(FileField, "Choose the CSV file to import.");
        }

        if (file.Length > MaxFileBytes)
        {
            return CommandResult.Refused(FileField, $"The file is too large: at most {MaxFileBytes / 1024 / 1024} MB.");
        }

        var text = await ReadTextAsync(file, ct);
        if (text is null)
        {
            return CommandResult.Refused(FileField, "The file is not a CSV text file (UTF-8): save it from your spreadsheet as \"CSV UTF-8\".");
        }

        var rows = new List<(int Line, string? Email, string? Uln, string? Date, string? Minutes, string? Kind, string? Description)>();
        using (var csv = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with { TrackLineNumbers = true }, leaveOpen: false))
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var header in csv.Headers)
            {
                columns.TryAdd(header.Trim().ToLowerInvariant(), i++);
            }

            if (columns.Count == 0)
            {
                return CommandResult.Refused(FileField, "The file is empty: its first line must name the columns.");
            }

            var missing = Required.Where(h => !columns.ContainsKey(h)).ToList();
            if (!columns.ContainsKey("email") && !columns.ContainsKey("uln"))
            {
                missing.Insert(0, "email (or uln)");
            }

            if (missing.Count > 0)
            {
                return CommandResult.Refused(FileField, $"The first line must name the columns email (or uln), date, minutes, kind and description; missing: {string.Join(", ", missing)}.");
            }

            string? Field(string name) => columns.TryGetValue(name, out var index) && index < csv.FieldCount ? csv.GetStringOrNull(index) : null;
            while (csv.Read())
            {
                rows.Add(((int)csv.LineNumber, Field("email"), Field("uln"), Field("date"), Field("minutes"), Field("kind"), Field("description")));
            }
        }

        if (rows.Count == 0)
        {
            return CommandResult.Refused(FileField, "The file has no rows below its first line.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolments = await AccessScopes.Enrolments(db, user)
            .Join(db.Apprentices, e => e.ApprenticeId, a => a.Id, (e, a) => new { Enrolment = e, a.Email })
            .ToListAsync(ct);
        var byEmail = enrolments
            .GroupBy(x => x.Email.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Enrolment.StartDate).First().Enrolment, StringComparer.Ordinal);
        var byUln = enrolments
            .Where(x => x.Enrolment.Uln is not null)
            .ToDictionary(x => x.Enrolment.Uln!, x => x.Enrolment, StringComparer.Ordinal);
        var standardIds = enrolments.Select(x => x.Enrolment.StandardId).Distinct().ToList();
        var standards = await db.Standards.Include(s => s.Duties).Where(s => standardIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var enrolmentIds = enrolments.Select(x => x.Enrolment.Id).ToList();
        var logged = await db.OffTheJobEntries.Where(x => enrolmentIds.Contains(x.EnrolmentId))
            .GroupBy(x => new { x.EnrolmentId, x.ActivityDate })
            .Select(g => new { g.Key.EnrolmentId, g.Key.ActivityDate, Minutes = g.Sum(x => x.Minutes) })
            .ToListAsync(ct);
        var minutesByDay = logged.ToDictionary(x => (x.EnrolmentId, x.ActivityDate), x => x.Minutes);

        var today = time.Today();
        var refused = new List<string>();
        var accepted = new List<(Domain.Enrolments.Enrolment Enrolment, OffTheJobContent Content, int Already)>();
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            var enrolment = Find(row.Email, row.Uln, byEmail, byUln, reasons);

            DateOnly? date = DateOnly.TryParseExact(row.Date?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (date is null)
            {
                reasons.Add("give the date as 2026-12-07 or 07/12/2026");
            }

            int? minutes = int.TryParse(row.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
            if (minutes is null)
            {
                reasons.Add("give the minutes as a whole number, for example 90");
            }

            var kind = OffTheJobActivityKinds.Parse(row.Kind);
            if (kind is null)
            {
                reasons.Add($"the kind \"{row.Kind?.Trim()}\" is not one of: {string.Join(", ", OffTheJobActivityKinds.Counted.Select(k => k.DisplayName()))}");
            }

            if (reasons.Count == 0)
            {
                var content = new OffTheJobContent(date!.Value, minutes!.Value, kind!.Value, row.Description);
                var already = minutesByDay.GetValueOrDefault((enrolment!.Id, content.ActivityDate));
                var refusals = OffTheJobEntry.RefusalsOf(enrolment, standards[enrolment.StandardId], content, [], [], new HashSet<Guid>(), already, today);
                reasons.AddRange(refusals.Select(r => r.Message.TrimEnd('.')));
                if (refusals.Count == 0)
                {
                    // Later rows of the same day count this one, as the saved entries will.
                    minutesByDay[(enrolment.Id, content.ActivityDate)] = already + content.Minutes;
                    accepted.Add((enrolment, content, already));
                }
            }

            if (reasons.Count > 0)
            {
                refused.Add(string.Create(CultureInfo.InvariantCulture, $"Line {row.Line}: {string.Join("; ", reasons)}."));
            }
        }

        if (refused.Count > 0)
        {
            var errors = new FormErrors();
            errors.Add(FileField, string.Create(CultureInfo.InvariantCulture, $"{refused.Count} of {rows.Count} rows are refused, so nothing was imported. Correct them and import the file again."));
            foreach (var line in refused.Take(MaxRowsReported))
            {
                errors.Add(FileField, line);
            }

            if (refused.Count > MaxRowsReported)
            {
                errors.Add(FileField, string.Create(CultureInfo.InvariantCulture, $"… and {refused.Count - MaxRowsReported} more refused rows."));
            }

            return CommandResult.Refused(errors);
        }

        var actor = user.AsActor();
        var now = time.GetUtcNow();
        var saved = await OffTheJobSteps.SaveAsync(db, () =>
        {
            foreach (var (enrolment, content, already) in accepted)
            {
                db.OffTheJobEntries.Add(OffTheJobEntry.Import(enrolment, standards[enrolment.StandardId], content, already, today, actor, now));
            }
        }, null, ct);
        return saved.Succeeded
            ? saved with { Next = string.Create(CultureInfo.InvariantCulture, $"{OffTheJobRoutes.Import}?imported={accepted.Count}") }
            : saved;
    }

    /// <summary>
    /// The enrolment a row names, by email or by ULN (both: they must name the same apprentice), among the provider's
    /// own; null, with the reason added, when it names none.
    /// </summary>
    private static Domain.Enrolments.Enrolment? Find(
        string? email, string? ulnText, Dictionary<string, Domain.Enrolments.Enrolment> byEmail, Dictionary<string, Domain.Enrolments.Enrolment> byUln,
        List<string> reasons)
    {
        Domain.Enrolments.Enrolment? byAddress = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            byAddress = byEmail.GetValueOrDefault(email.Trim().ToLowerInvariant());
            if (byAddress is null)
            {
                reasons.Add($"no apprentice of yours has the email {email.Trim()}");
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(ulnText))
        {
            if (byAddress is null)
            {
                reasons.Add("give the apprentice's email or ULN");
            }

            return byAddress;
        }

        if (!Uln.TryParse(ulnText, out var uln, out var why))
        {
            reasons.Add(why.TrimEnd('.'));
            return null;
        }

        var byNumber = byUln.GetValueOrDefault(uln.Value);
        if (byNumber is null)
        {
            reasons.Add($"no apprentice of yours has the ULN {uln.Value}");
            return null;
        }

        if (byAddress is not null && byAddress.Id != byNumber.Id)
        {
            reasons.Add($"the email {email!.Trim()} and the ULN {uln.Value} belong to different apprentices");
            return null;
        }

        return byNumber;
    }

    /// <summary>The file as text when it is UTF-8 (with or without a byte-order mark) and holds no control characters but line ends and tabs; otherwise null.</summary>
    private static async Task<string?> ReadTextAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            text = text.TrimStart('\uFEFF');
            return text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
