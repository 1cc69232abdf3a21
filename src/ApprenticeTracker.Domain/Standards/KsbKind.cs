namespace ApprenticeTracker.Domain.Standards;

/// <summary>The three kinds of statement in a standard; each has its code prefix.</summary>
public enum KsbKind
{
    /// <summary>Knowledge, coded K1, K2…</summary>
    Knowledge = 1,

    /// <summary>Skill, coded S1, S2…</summary>
    Skill = 2,

    /// <summary>Behaviour, coded B1, B2…</summary>
    Behaviour = 3,
}

/// <summary>Code prefixes of <see cref="KsbKind"/>.</summary>
public static class KsbKindExtensions
{
    public static char Prefix(this KsbKind kind) => kind switch
    {
        KsbKind.Knowledge => 'K',
        KsbKind.Skill => 'S',
        KsbKind.Behaviour => 'B',
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
