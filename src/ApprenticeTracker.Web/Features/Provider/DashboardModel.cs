using ApprenticeTracker.Persistence.Reviews;
namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>The filters, sort and page of the cohort dashboard, as they travel in its query string.</summary>
public sealed record DashboardFilter(Guid? CohortId, Guid? EmployerId, Guid? AssessorId, EnrolmentStatus? Status, DashboardSort Sort, int Page)
{
    public const int PageSize = 50;

    public static DashboardFilter Default { get; } = new(null, null, null, null, DashboardSort.Name, 1);

    /// <summary>Reads the query-string values, ignoring any that do not parse (a hand-edited link still shows a page).</summary>
    /// <summary>The value of <c>otj</c> that keeps only the apprentices behind on off-the-job training.</summary>
    public const string BehindValue = "behind";

    /// <summary>Only active apprentices behind on off-the-job training (the caseload's amber rule, <c>OffTheJob:AmberBehindPercent</c>).</summary>
    public bool BehindOnOffTheJob { get; init; }

    public static DashboardFilter From(string? cohort, string? employer, string? assessor, string? status, string? sort, int? page, string? offTheJob = null) => new(
        Guid.TryParse(cohort, out var c) ? c : null,
        Guid.TryParse(employer, out var e) ? e : null,
        Guid.TryParse(assessor, out var a) ? a : null,
        Enum.TryParse<EnrolmentStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        sort?.ToLowerInvariant() switch
        {
            "progress" => DashboardSort.Progress,
            "last-evidence" => DashboardSort.LastEvidence,
            _ => DashboardSort.Name,
        },
        page is > 0 ? page.Value : 1)
    {
        BehindOnOffTheJob = string.Equals(offTheJob, BehindValue, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The query string for these filters, with the sort and page given (for links that change only those).</summary>
    public string QueryString(DashboardSort? sort = null, int? page = null)
    {
        var parts = new List<string>();
        if (CohortId is { } c)
        {
            parts.Add($"cohort={c}");
        }

        if (EmployerId is { } e)
        {
            parts.Add($"employer={e}");
        }

        if (AssessorId is { } a)
        {
            parts.Add($"assessor={a}");
        }

        if (Status is { } s)
        {
            parts.Add($"status={s}");
        }

        if (BehindOnOffTheJob)
        {
            parts.Add($"otj={BehindValue}");
        }

        var chosenSort = sort ?? Sort;
        if (chosenSort != DashboardSort.Name)
        {
            parts.Add($"sort={SortKey(chosenSort)}");
        }

        var chosenPage = page ?? Page;
        if (chosenPage > 1)
        {
            parts.Add(FormattableString.Invariant($"page={chosenPage}"));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    public static string SortKey(DashboardSort sort) => sort switch
    {
        DashboardSort.Progress => "progress",
        DashboardSort.LastEvidence => "last-evidence",
        _ => "name",
    };
}

/// <summary>How the dashboard's rows are ordered.</summary>
public enum DashboardSort
{
    /// <summary>Family name, then given name.</summary>
    Name,

    /// <summary>Most duties signed off first.</summary>
    Progress,

    /// <summary>Most recent evidence submission first; apprentices with none last.</summary>
    LastEvidence,
}

/// <summary>What the cohort dashboard shows: one page of apprentices, the duty columns and the coverage of the whole filtered set.</summary>
public sealed record DashboardModel(
    DashboardFilter Filter,
    IReadOnlyList<DutyColumn> Duties,
    IReadOnlyList<DashboardRow> Rows,
    int TotalRows,
    IReadOnlyList<DutyCoverage> Coverage,
    DashboardOptions Options)
{
    public int PageCount => Math.Max(1, (TotalRows + DashboardFilter.PageSize - 1) / DashboardFilter.PageSize);
}

/// <summary>A duty column: its number and code, and the statement as the column's description.</summary>
public sealed record DutyColumn(int Number, string Code, string Statement);

/// <summary>A duty of one standard version, by id: the dashboard's figures name duties by id, its columns by number.</summary>
public sealed record VersionDuty(Guid Id, int Number, string Code, string Statement);

/// <summary>One apprentice's row.</summary>
public sealed record DashboardRow(
    Guid EnrolmentId,
    string Name,
    string? Cohort,
    string Employer,
    IReadOnlyList<string> Assessors,
    EnrolmentStatus Status,
    int DutiesSignedOff,
    int DutyCount,
    DateTimeOffset? LastEvidenceAt,
    IReadOnlyDictionary<int, DutyCell> Cells,
    DateOnly StartDate)
{
    /// <summary>The apprentice's off-the-job hours against the plan.</summary>
    public DashboardOffTheJob OffTheJob { get; init; } = DashboardOffTheJob.None;

    /// <summary>The apprentice's unique learner number; null until recorded.</summary>
    public string? Uln { get; init; }

    /// <summary>When the apprentice's progress reviews stand; read for the CSV export only.</summary>
    public ReviewDue? Review { get; init; }
}

/// <summary>Off-the-job minutes of one row: planned (null when not known), approved, waiting and planned to date.</summary>
public sealed record DashboardOffTheJob(int? PlannedMinutes, int ApprovedMinutes, int WaitingMinutes, int PlannedToDateMinutes, bool Behind)
{
    public static DashboardOffTheJob None { get; } = new(null, 0, 0, 0, false);

    /// <summary>Minutes as decimal hours for the CSV: 90 is 1.5.</summary>
    public static decimal Hours(int minutes) => Math.Round(minutes / 60m, 2);
}

/// <summary>Evidence and sign-off of one duty for one apprentice. Drafts are the apprentice's own and are not counted.</summary>
public sealed record DutyCell(bool SignedOff, int Accepted, int Submitted, int ReferredBack)
{
    public static DutyCell Empty { get; } = new(false, 0, 0, 0);

    public DutyCellLevel Level => SignedOff ? DutyCellLevel.SignedOff
        : Accepted > 0 ? DutyCellLevel.Accepted
        : Submitted + ReferredBack > 0 ? DutyCellLevel.Submitted
        : DutyCellLevel.None;

    /// <summary>The cell as words: shown to screen readers, in the CSV and as the cell's tooltip.</summary>
    public string Describe()
    {
        if (SignedOff)
        {
            return Accepted > 0 ? FormattableString.Invariant($"Signed off ({Accepted} accepted)") : "Signed off";
        }

        var parts = new List<string>();
        if (Accepted > 0)
        {
            parts.Add(FormattableString.Invariant($"{Accepted} accepted"));
        }

        if (Submitted > 0)
        {
            parts.Add(FormattableString.Invariant($"{Submitted} submitted"));
        }

        if (ReferredBack > 0)
        {
            parts.Add(FormattableString.Invariant($"{ReferredBack} referred back"));
        }

        return parts.Count == 0 ? "No evidence" : string.Join(", ", parts);
    }
}

/// <summary>The heat-map levels, from most to least advanced.</summary>
public enum DutyCellLevel
{
    None,
    Submitted,
    Accepted,
    SignedOff,
}

/// <summary>For one duty, how many of the filtered apprentices have it signed off, have accepted evidence, have any evidence.</summary>
public sealed record DutyCoverage(int Number, string Code, int SignedOff, int WithAccepted, int WithAny, int Of)
{
    public static double Share(int count, int of) => of == 0 ? 0 : (double)count / of;
}

/// <summary>The choices of the filter form: my organisation's cohorts, employers and assessors.</summary>
public sealed record DashboardOptions(
    IReadOnlyList<Choice> Cohorts,
    IReadOnlyList<Choice> Employers,
    IReadOnlyList<Choice> Assessors);

/// <summary>An option of a select.</summary>
public sealed record Choice(Guid Id, string Name);
