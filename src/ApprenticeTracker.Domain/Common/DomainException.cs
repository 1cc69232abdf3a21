namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// A rule of the apprenticeship was about to be broken. It carries every <see cref="Refusal"/> of the input at once
/// (usually one), each written for the person who tried and naming the field it concerns, when there is one, by a
/// field constant of the aggregate, so a form can show it beside that field.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null)
        : base(message)
    {
        Refusals = [new Refusal(field, message)];
    }

    /// <summary>Several refusals of one input; the exception's message is the first one's.</summary>
    public DomainException(IEnumerable<Refusal> refusals)
        : this(refusals.ToList())
    {
    }

    private DomainException(List<Refusal> refusals)
        : base(refusals.Count > 0 ? refusals[0].Message : throw new ArgumentException("A refusal needs at least one reason.", nameof(refusals)))
    {
        Refusals = refusals;
    }

    /// <summary>Every reason the input was refused, in the order the rules were checked; never empty.</summary>
    public IReadOnlyList<Refusal> Refusals { get; }

    /// <summary>The field of the first refusal, for example <c>Title</c>; null when it concerns the whole request.</summary>
    public string? Field => Refusals[0].Field;
}
