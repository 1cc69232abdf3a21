namespace ApprenticeTracker.Domain.Organisations;

/// <summary>An employer of apprentices, known to one training provider.</summary>
public sealed class Employer : AggregateRoot
{
    public const int NameMaxLength = 200;

    private Employer()
    {
        Name = string.Empty;
    }

    private Employer(Guid id, Guid trainingProviderId, string name)
        : base(id)
    {
        TrainingProviderId = trainingProviderId;
        Name = name;
    }

    public Guid TrainingProviderId { get; private set; }

    public string Name { get; private set; }

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    public static Employer Create(TrainingProvider provider, string name, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var employer = new Employer(Guid.NewGuid(), provider.Id, Check.Text(name, NameMaxLength, "employer name", nameof(Name)));
        employer.Record(actor, at, "employer.created", employer.Name);
        return employer;
    }

    public void Rename(string name, Actor actor, DateTimeOffset at)
    {
        Name = Check.Text(name, NameMaxLength, "employer name", nameof(Name));
        Record(actor, at, "employer.renamed", Name);
    }
}
