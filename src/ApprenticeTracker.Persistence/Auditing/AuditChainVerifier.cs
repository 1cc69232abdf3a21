using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Persistence.Configurations;

namespace ApprenticeTracker.Persistence.Auditing;

/// <summary>
/// The first event that breaks the audit chain: its id, when it says it was recorded (null when its row cannot be read),
/// and what is wrong with it.
/// </summary>
public sealed record AuditChainBreak(long EventId, DateTimeOffset? OccurredAt, string Reason)
{
    /// <summary>The break in words, as the <c>verify-audit</c> verb and the audit page say it.</summary>
    public string Describe() => OccurredAt is { } at
        ? $"Event {EventId.ToString(CultureInfo.InvariantCulture)}, recorded {Dates.Display(at)} {at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC, breaks the chain: {Reason}."
        : $"Event {EventId.ToString(CultureInfo.InvariantCulture)} breaks the chain: {Reason}.";
}

/// <summary>What checking the audit chain found: how many events were checked, the last hash, and the first break, if any.</summary>
public sealed record AuditChainReport(long EventsChecked, string LastHash, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Walks the audit log in id order, one event at a time (never the whole log in memory), and checks that each event
/// follows the one before it and that its hash matches its content (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var walk = new Walk();
        try
        {
            return await WalkAsync(db, walk, ct);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            // A column holds what the app never writes (an id that is not a GUID, a date that is not one): the row was
            // written or changed outside the app. The walk's reader is closed by now; name the row by its id alone.
            var unreadable = await db.AuditEvents.AsNoTracking()
                .Where(e => walk.PreviousId == null || e.Id > walk.PreviousId)
                .OrderBy(e => e.Id)
                .Select(e => e.Id)
                .FirstAsync(ct);
            return new AuditChainReport(walk.Count, walk.ExpectedPrevious, new AuditChainBreak(unreadable, null, $"a column holds a value the app never writes ({ex.Message.TrimEnd('.')}): it was changed outside the app"));
        }
    }

    private static async Task<AuditChainReport> WalkAsync(AppDbContext db, Walk walk, CancellationToken ct)
    {
        var rows = db.AuditEvents.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.EnrolmentId, e.TrainingProviderId, e.Details,
                PreviousHash = EF.Property<string>(e, AuditEventConfiguration.PreviousHashColumn),
                Hash = EF.Property<string>(e, AuditEventConfiguration.HashColumn),
            })
            .AsAsyncEnumerable();

        await foreach (var row in rows.WithCancellation(ct))
        {
            if (!string.Equals(row.PreviousHash, walk.ExpectedPrevious, StringComparison.Ordinal))
            {
                var reason = walk.PreviousId is { } before
                    ? $"it does not follow event {before}: an event between them was removed, event {before} was changed, or this one was inserted"
                    : "it is the first event but does not start the chain: an event before it was removed, or this one was inserted";
                return new AuditChainReport(walk.Count, walk.ExpectedPrevious, new AuditChainBreak(row.Id, row.OccurredAt, reason));
            }

            var hash = AuditChain.Hash(
                row.PreviousHash, row.Id, row.OccurredAt.UtcTicks, row.ActorUserId, row.ActorName, row.Action, row.EntityType,
                row.EntityId, row.EnrolmentId, row.TrainingProviderId, row.Details);
            if (!string.Equals(hash, row.Hash, StringComparison.Ordinal))
            {
                return new AuditChainReport(walk.Count, walk.ExpectedPrevious, new AuditChainBreak(row.Id, row.OccurredAt, "its content does not match its hash: it was changed after it was recorded"));
            }

            walk.ExpectedPrevious = row.Hash;
            walk.PreviousId = row.Id;
            walk.Count++;
        }

        return new AuditChainReport(walk.Count, walk.ExpectedPrevious, null);
    }

    /// <summary>How far the walk has come: what a row that cannot be read is reported after.</summary>
    private sealed class Walk
    {
        public string ExpectedPrevious { get; set; } = AuditChain.Genesis;

        public long? PreviousId { get; set; }

        public long Count { get; set; }
    }
}
