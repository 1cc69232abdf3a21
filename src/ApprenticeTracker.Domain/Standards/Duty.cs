namespace ApprenticeTracker.Domain.Standards;

/// <summary>One duty statement of a standard version, numbered in publication order (D1, D2…).</summary>
public sealed class Duty : Entity
{
    public const int StatementMaxLength = 2000;
    public const int ExternalIdMaxLength = 100;
    public const int CodeMaxLength = 10;

    private readonly List<DutyKsb> _ksbs = new();

    private Duty()
    {
        ExternalId = string.Empty;
        Code = string.Empty;
        Statement = string.Empty;
    }

    internal Duty(Guid standardId, int number, string externalId, string statement, bool isCore)
        : base(Guid.NewGuid())
    {
        StandardId = standardId;
        Number = number;
        Code = $"D{number}";
        ExternalId = externalId;
        Statement = statement;
        IsCore = isCore;
    }

    public Guid StandardId { get; private set; }

    /// <summary>Position in the standard, from 1.</summary>
    public int Number { get; private set; }

    /// <summary><c>D</c> followed by <see cref="Number"/>.</summary>
    public string Code { get; private set; }

    /// <summary>The publisher's id of the duty (a GUID in current Skills England data).</summary>
    public string ExternalId { get; private set; }

    /// <summary>The duty statement, verbatim as published.</summary>
    public string Statement { get; private set; }

    /// <summary>False for a duty that belongs only to an option of a core-and-options standard.</summary>
    public bool IsCore { get; private set; }

    /// <summary>The KSBs the standard maps to this duty.</summary>
    public IReadOnlyCollection<DutyKsb> Ksbs => _ksbs;

    /// <summary>Makes the duty's KSB links exactly <paramref name="ksbIds"/>, keeping links that stay.</summary>
    internal void MapKsbs(IEnumerable<Guid> ksbIds)
    {
        var wanted = ksbIds.ToHashSet();
        _ksbs.RemoveAll(link => !wanted.Contains(link.KsbId));
        foreach (var id in wanted.Where(id => !_ksbs.Exists(link => link.KsbId == id)))
        {
            _ksbs.Add(new DutyKsb(Id, id));
        }
    }

    internal void Redefine(string statement, bool isCore)
    {
        Statement = statement;
        IsCore = isCore;
    }
}

/// <summary>Links a duty to a KSB of the same standard version.</summary>
public sealed class DutyKsb
{
    private DutyKsb()
    {
    }

    internal DutyKsb(Guid dutyId, Guid ksbId)
    {
        DutyId = dutyId;
        KsbId = ksbId;
    }

    public Guid DutyId { get; private set; }

    public Guid KsbId { get; private set; }
}
