namespace ApprenticeTracker.Domain.Organisations;

/// <summary>
/// An organisation that delivers apprenticeship training (for this integrated degree, a university). Everything a
/// provider's staff see is scoped to their provider.
/// </summary>
public sealed class TrainingProvider : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int UkprnLength = 8;

    private TrainingProvider()
    {
        Name = string.Empty;
    }

    private TrainingProvider(Guid id, string name, string? ukprn)
        : base(id)
    {
        Name = name;
        Ukprn = ukprn;
    }

    public string Name { get; private set; }

    /// <summary>UK Provider Reference Number: eight digits.</summary>
    public string? Ukprn { get; private set; }

    protected override Guid? AuditTrainingProviderId => Id;

    public static TrainingProvider Create(string name, string? ukprn, Actor actor, DateTimeOffset at)
    {
        var trimmedUkprn = string.IsNullOrWhiteSpace(ukprn) ? null : ukprn.Trim();
        if (trimmedUkprn is not null && (trimmedUkprn.Length != UkprnLength || !trimmedUkprn.All(char.IsAsciiDigit)))
        {
            throw new DomainException("The UKPRN must be 8 digits.", nameof(Ukprn));
        }

        var provider = new TrainingProvider(Guid.NewGuid(), Check.Text(name, NameMaxLength, "provider name", nameof(Name)), trimmedUkprn);
        provider.Record(actor, at, "provider.created", provider.Name);
        return provider;
    }
}
