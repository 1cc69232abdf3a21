using System.Collections;

namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// The domain's validation result: every refusal of one input, gathered so that a person sees them all at once
/// instead of one per attempt. A method checks each rule, adds what it finds, then calls <see cref="ThrowIfAny"/>.
/// </summary>
public sealed class Refusals : IReadOnlyList<Refusal>
{
    private readonly List<Refusal> _refusals = [];

    public int Count => _refusals.Count;

    public bool IsEmpty => _refusals.Count == 0;

    public Refusal this[int index] => _refusals[index];

    /// <summary>Adds a refusal of <paramref name="field"/> (a field constant; null for the whole request).</summary>
    public void Add(string? field, string message) => _refusals.Add(new Refusal(field, message));

    /// <summary>True when <paramref name="field"/> already has a refusal.</summary>
    public bool Has(string field) => _refusals.Exists(r => string.Equals(r.Field, field, StringComparison.Ordinal));

    /// <summary>Runs a check that throws <see cref="DomainException"/>, and keeps its refusals instead of stopping.</summary>
    /// <returns>The check's value, or the default when it refused.</returns>
    public T? Collect<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (DomainException ex)
        {
            _refusals.AddRange(ex.Refusals);
            return default;
        }
    }

    /// <summary>Throws one <see cref="DomainException"/> carrying every refusal gathered, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_refusals.Count > 0)
        {
            throw new DomainException(_refusals);
        }
    }

    public IEnumerator<Refusal> GetEnumerator() => _refusals.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
