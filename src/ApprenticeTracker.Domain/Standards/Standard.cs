namespace ApprenticeTracker.Domain.Standards;

/// <summary>
/// One version of an apprenticeship standard, such as ST0413 v1.1, with its duties and KSBs. Several versions of one
/// standard are held side by side; an enrolment is on exactly one version.
/// </summary>
public sealed class Standard : AggregateRoot
{
    public const int ReferenceNumberMaxLength = 20;
    public const int VersionMaxLength = 20;
    public const int TitleMaxLength = 300;
    public const int RouteMaxLength = 200;
    public const int StatusMaxLength = 100;
    public const int OverviewMaxLength = 10000;
    public const int OffTheJobSourceMaxLength = 300;
    public const int MaxOffTheJobMinimumHours = 10_000;

    private readonly List<Duty> _duties = new();
    private readonly List<Ksb> _ksbs = new();
    private readonly List<GatewayRequirement> _gatewayRequirements = new();

    private Standard()
    {
        ReferenceNumber = string.Empty;
        Version = string.Empty;
        Title = string.Empty;
        Route = string.Empty;
    }

    private Standard(Guid id)
        : base(id)
    {
        ReferenceNumber = string.Empty;
        Version = string.Empty;
        Title = string.Empty;
        Route = string.Empty;
    }

    /// <summary>The standard's reference, for example <c>ST0413</c>.</summary>
    public string ReferenceNumber { get; private set; }

    /// <summary>The version, for example <c>1.1</c>.</summary>
    public string Version { get; private set; }

    public string Title { get; private set; }

    public int Level { get; private set; }

    /// <summary>Typical duration to gateway, in months.</summary>
    public int TypicalDurationMonths { get; private set; }

    public string Route { get; private set; }

    public int? LarsCode { get; private set; }

    /// <summary>Upper funding band, in pounds.</summary>
    public decimal? MaxFunding { get; private set; }

    public bool IntegratedDegree { get; private set; }

    /// <summary>The publisher's status, for example "Approved for delivery".</summary>
    public string? Status { get; private set; }

    public string? OverviewOfRole { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>
    /// The fixed minimum of off-the-job hours published for this version, which plans the hours of starts from
    /// 1 Aug 2025; null until the import file or the provider gives it.
    /// </summary>
    public int? OffTheJobMinimumHours { get; private set; }

    /// <summary>Where <see cref="OffTheJobMinimumHours"/> came from: the import file, or who set it and when.</summary>
    public string? OffTheJobMinimumSource { get; private set; }

    /// <summary>Duties in publication order.</summary>
    public IReadOnlyList<Duty> Duties => _duties.OrderBy(d => d.Number).ToList();

    /// <summary>KSBs, knowledge first, each kind in publication order.</summary>
    public IReadOnlyList<Ksb> Ksbs => _ksbs.OrderBy(k => k.Kind).ThenBy(k => k.Position).ToList();

    public IReadOnlyList<GatewayRequirement> GatewayRequirements => _gatewayRequirements.OrderBy(g => g.Order).ToList();

    /// <summary>"ST0413 v1.1".</summary>
    public string DisplayReference => $"{ReferenceNumber} v{Version}";

    /// <summary>Creates a standard version from its published definition, refusing a definition that is incomplete or inconsistent.</summary>
    public static Standard Create(StandardDefinition definition, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var standard = new Standard(Guid.NewGuid());
        standard.ApplyDetails(definition);
        standard.ImportedAt = at;
        standard.ApplyContent(definition, recordsInUse: new HashSet<Guid>());
        var order = 1;
        foreach (var (key, label) in GatewayRequirement.Defaults)
        {
            standard._gatewayRequirements.Add(new GatewayRequirement(standard.Id, key, label, order++));
        }

        standard.Record(actor, at, "standard.imported", $"{standard.DisplayReference}: {standard._duties.Count} duties, {standard._ksbs.Count} KSBs");
        return standard;
    }

    /// <summary>
    /// Replaces this version's content with a re-published definition of the same reference and version. A duty that
    /// evidence already uses keeps its meaning: re-import may not remove it nor change its statement.
    /// </summary>
    /// <param name="recordsInUse">Ids of this version's duties and KSBs that some evidence item is mapped to.</param>
    public void Redefine(StandardDefinition definition, IReadOnlySet<Guid> recordsInUse, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(recordsInUse);
        if (!string.Equals(definition.ReferenceNumber.Trim(), ReferenceNumber, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(definition.Version.Trim(), Version, StringComparison.Ordinal))
        {
            throw new DomainException($"This definition is {definition.ReferenceNumber} v{definition.Version}, not {DisplayReference}.");
        }

        // The details are checked on a scratch instance first and the content is checked before it changes anything,
        // so a refused re-import leaves this version exactly as it was.
        new Standard(Id).ApplyDetails(definition);
        ApplyContent(definition, recordsInUse);
        ApplyDetails(definition);
        ImportedAt = at;
        Record(actor, at, "standard.reimported", $"{DisplayReference}: {_duties.Count} duties, {_ksbs.Count} KSBs");
    }

    /// <summary>The provider sets (or, with null, clears) the fixed minimum of off-the-job hours of this version.</summary>
    public void SetOffTheJobMinimum(int? hours, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckOffTheJobMinimum(hours, nameof(OffTheJobMinimumHours));
        OffTheJobMinimumHours = hours;
        OffTheJobMinimumSource = hours is null ? null : $"Set by {actor.DisplayName} on {Dates.Display(ServiceClock.DateOf(at))}";
        Record(actor, at, "standard.otj-minimum-set", hours is null ? $"{DisplayReference}: cleared" : $"{DisplayReference}: {hours} hours");
    }

    /// <summary>Finds a duty of this version by id; null when the id belongs to no duty of this version.</summary>
    public Duty? FindDuty(Guid dutyId) => _duties.Find(d => d.Id == dutyId);

    /// <summary>The start of an over-long id, enough to find it in the file without repeating all of it.</summary>
    private static string Abbreviated(string id) => id.Length <= 40 ? id : string.Concat(id.AsSpan(0, 40), "…");

    private void ApplyDetails(StandardDefinition d)
    {
        ReferenceNumber = Check.Text(d.ReferenceNumber, ReferenceNumberMaxLength, "reference number", "referenceNumber").ToUpperInvariant();
        Version = Check.Text(d.Version, VersionMaxLength, "version", "version");
        Title = Check.Text(d.Title, TitleMaxLength, "title", "title");
        Route = Check.OptionalText(d.Route, RouteMaxLength, "route", "route") ?? string.Empty;
        Status = Check.OptionalText(d.Status, StatusMaxLength, "status", "status");
        OverviewOfRole = Check.OptionalText(d.OverviewOfRole, OverviewMaxLength, "overview of the role", "overviewOfRole");
        if (d.Level is < 1 or > 8)
        {
            throw new DomainException($"The level must be between 1 and 8; the file says {d.Level}.", "level");
        }

        if (d.TypicalDurationMonths is < 1 or > 120)
        {
            throw new DomainException($"The typical duration must be between 1 and 120 months; the file says {d.TypicalDurationMonths}.", "typicalDuration");
        }

        CheckOffTheJobMinimum(d.OffTheJobMinimumHours, "offTheJobMinimumHours");
        if (d.OffTheJobMinimumHours is { } minimum)
        {
            // A file without the figure keeps the one already recorded (from an earlier file or the provider).
            OffTheJobMinimumHours = minimum;
            OffTheJobMinimumSource = "The standard's file";
        }

        Level = d.Level;
        TypicalDurationMonths = d.TypicalDurationMonths;
        LarsCode = d.LarsCode;
        MaxFunding = d.MaxFunding;
        IntegratedDegree = d.IntegratedDegree;
    }

    private static void CheckOffTheJobMinimum(int? hours, string field)
    {
        if (hours is < 1 or > MaxOffTheJobMinimumHours)
        {
            throw new DomainException($"The minimum off-the-job hours must be between 1 and {MaxOffTheJobMinimumHours:N0}; it is {hours}.", field);
        }
    }

    private void ApplyContent(StandardDefinition d, IReadOnlySet<Guid> recordsInUse)
    {
        if (d.Duties.Count == 0)
        {
            throw new DomainException("A standard needs at least one duty; the file lists none.", "duties");
        }

        var ksbExternalIds = new HashSet<string>(StringComparer.Ordinal);
        var ksbPositions = new Dictionary<KsbKind, int>();
        foreach (var k in d.Ksbs)
        {
            ksbPositions[k.Kind] = ksbPositions.GetValueOrDefault(k.Kind) + 1;
            if (string.IsNullOrWhiteSpace(k.ExternalId) || !ksbExternalIds.Add(k.ExternalId))
            {
                throw new DomainException($"Every KSB needs a unique id; '{k.ExternalId}' is missing or repeated.", "ksbs");
            }

            if (k.ExternalId.Length > Ksb.ExternalIdMaxLength)
            {
                throw new DomainException(
                    $"The id of {k.Kind.Prefix()}{ksbPositions[k.Kind]} ('{Abbreviated(k.ExternalId)}') is {k.ExternalId.Length} characters long; it must be {Ksb.ExternalIdMaxLength} characters or fewer.",
                    "ksbs");
            }

            Check.Text(k.Detail, Ksb.DetailMaxLength, $"detail of {k.Kind.ToString().ToLowerInvariant()} '{k.ExternalId}'", "ksbs");
        }

        var dutyExternalIds = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var duty in d.Duties)
        {
            position++;
            if (string.IsNullOrWhiteSpace(duty.ExternalId) || !dutyExternalIds.Add(duty.ExternalId))
            {
                throw new DomainException($"Every duty needs a unique dutyId; duty {position} has '{duty.ExternalId}', which is missing or repeated.", "duties");
            }

            if (duty.ExternalId.Length > Duty.ExternalIdMaxLength)
            {
                throw new DomainException($"The dutyId of duty {position} ('{Abbreviated(duty.ExternalId)}') is {duty.ExternalId.Length} characters long; it must be {Duty.ExternalIdMaxLength} characters or fewer.", "duties");
            }

            Check.Text(duty.Statement, Duty.StatementMaxLength, $"statement of duty {position}", "duties");
            foreach (var mapped in duty.MappedKsbIds)
            {
                if (!ksbExternalIds.Contains(mapped))
                {
                    throw new DomainException($"Duty D{position} is mapped to KSB id '{Abbreviated(mapped)}', which the file does not define.", "duties");
                }
            }
        }

        // A duty keeps its identity across re-imports when the publisher's id is unchanged, so evidence stays mapped.
        var existingByExternalId = _duties.ToDictionary(x => x.ExternalId, StringComparer.Ordinal);
        foreach (var used in _duties.Where(x => recordsInUse.Contains(x.Id)))
        {
            var replacement = d.Duties.FirstOrDefault(x => x.ExternalId == used.ExternalId);
            if (replacement is null)
            {
                throw new DomainException($"Duty {used.Code} is used by evidence and cannot be removed by a re-import.", "duties");
            }

            if (!string.Equals(replacement.Statement.Trim(), used.Statement, StringComparison.Ordinal))
            {
                throw new DomainException($"Duty {used.Code} is used by evidence and its statement cannot be changed by a re-import. Import the changed standard as a new version instead.", "duties");
            }

            var newNumber = d.Duties.ToList().IndexOf(replacement) + 1;
            if (newNumber != used.Number)
            {
                throw new DomainException($"Duty {used.Code} is used by evidence and cannot be renumbered by a re-import.", "duties");
            }
        }

        // KSBs, like duties, keep their identity when the publisher's id is unchanged.
        var oldKsbs = _ksbs.ToDictionary(k => k.ExternalId, StringComparer.Ordinal);
        foreach (var used in _ksbs.Where(k => recordsInUse.Contains(k.Id) && !ksbExternalIds.Contains(k.ExternalId)))
        {
            throw new DomainException($"{used.Code} is used by evidence and cannot be removed by a re-import.", "ksbs");
        }

        _ksbs.Clear();
        var positions = new Dictionary<KsbKind, int>();
        foreach (var k in d.Ksbs)
        {
            positions[k.Kind] = positions.GetValueOrDefault(k.Kind) + 1;
            if (oldKsbs.TryGetValue(k.ExternalId, out var existingKsb))
            {
                existingKsb.Redefine(k.Kind, positions[k.Kind], k.Detail.Trim());
                _ksbs.Add(existingKsb);
            }
            else
            {
                _ksbs.Add(new Ksb(Id, k.Kind, positions[k.Kind], k.ExternalId, k.Detail.Trim()));
            }
        }

        var ksbByExternalId = _ksbs.ToDictionary(k => k.ExternalId, StringComparer.Ordinal);
        var kept = new List<Duty>();
        position = 0;
        foreach (var def in d.Duties)
        {
            position++;
            if (existingByExternalId.TryGetValue(def.ExternalId, out var existing) && existing.Number == position)
            {
                existing.Redefine(def.Statement.Trim(), def.IsCore);
                kept.Add(existing);
            }
            else
            {
                kept.Add(new Duty(Id, position, def.ExternalId, def.Statement.Trim(), def.IsCore));
            }

            kept[^1].MapKsbs(def.MappedKsbIds.Select(mapped => ksbByExternalId[mapped].Id));
        }

        _duties.Clear();
        _duties.AddRange(kept);
    }
}
