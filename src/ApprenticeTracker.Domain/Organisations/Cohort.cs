namespace ApprenticeTracker.Domain.Organisations;

/// <summary>A group of apprentices a provider teaches together, usually those who started in the same intake.</summary>
public sealed class Cohort : AggregateRoot
{
    public const int NameMaxLength = 100;

    private Cohort()
    {
        Name = string.Empty;
    }

    private Cohort(Guid id, Guid trainingProviderId, string name, DateOnly startDate)
        : base(id)
    {
        TrainingProviderId = trainingProviderId;
        Name = name;
        StartDate = startDate;
    }

    public Guid TrainingProviderId { get; private set; }

    /// <summary>Unique within its provider, for example "September 2024".</summary>
    public string Name { get; private set; }

    /// <summary>The intake's start date.</summary>
    public DateOnly StartDate { get; private set; }

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    public static Cohort Create(TrainingProvider provider, string name, DateOnly startDate, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var cohort = new Cohort(Guid.NewGuid(), provider.Id, Check.Text(name, NameMaxLength, "cohort name", nameof(Name)), startDate);
        cohort.Record(actor, at, "cohort.created", cohort.Name);
        return cohort;
    }
}
