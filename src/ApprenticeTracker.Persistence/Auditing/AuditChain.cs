using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ApprenticeTracker.Domain.Common;
using Microsoft.Data.Sqlite;

namespace ApprenticeTracker.Persistence.Auditing;

/// <summary>
/// The hash chain of the audit log (docs/decisions/0055): each event stores the hash of the event before it
/// (<c>PreviousHash</c>) and its own <c>Hash</c>, the SHA-256 of
/// <code>
/// Tag ‖ previous hash (32 bytes; 32 zero bytes for the first event) ‖ int64 Id ‖ int64 OccurredAt (UTC ticks)
///     ‖ str ActorUserId ‖ str ActorName ‖ str Action ‖ str EntityType ‖ str EntityId
///     ‖ opt EnrolmentId ‖ opt TrainingProviderId ‖ opt Details
/// </code>
/// where int64 is 8 bytes big-endian, str is the UTF-8 bytes preceded by their count as a 4-byte big-endian integer,
/// opt is str or, for no value, the count -1 (FF FF FF FF) with no bytes, and ids are GUIDs written as 36 lower-case
/// characters with hyphens (<c>"D"</c>). Hashes are stored as 64 lower-case hexadecimal characters.
/// </summary>
public static class AuditChain
{
    /// <summary>The name of the SQL function, registered on every connection of <see cref="AppDbContext"/>, that computes an event's hash.</summary>
    public const string SqlFunctionName = "audit_event_hash";

    /// <summary>The length of a stored hash: SHA-256 in hexadecimal.</summary>
    public const int HashLength = 64;

    /// <summary>The previous hash of the first event of a database.</summary>
    public static readonly string Genesis = new('0', HashLength);

    /// <summary>Bytes that open every hashed message, naming what is hashed and the version of the format.</summary>
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("ApprenticeTracker.AuditEvent.v1");

    /// <summary>The hash of an event as it is about to be stored, with the id the store gives it.</summary>
    public static string Hash(string previousHash, long id, AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Hash(previousHash, id, e.OccurredAt.UtcTicks, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.EnrolmentId, e.TrainingProviderId, e.Details);
    }

    /// <summary>The hash of an event given its stored fields.</summary>
    public static string Hash(
        string previousHash, long id, long occurredAtUtcTicks, string actorUserId, string actorName, string action,
        string entityType, Guid entityId, Guid? enrolmentId, Guid? trainingProviderId, string? details)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        if (previousHash.Length != HashLength)
        {
            throw new ArgumentException($"A previous hash has {HashLength} hexadecimal characters; this one has {previousHash.Length}.", nameof(previousHash));
        }

        using var message = new MemoryStream();
        message.Write(Tag);
        message.Write(Convert.FromHexString(previousHash));
        WriteInt64(message, id);
        WriteInt64(message, occurredAtUtcTicks);
        WriteString(message, actorUserId);
        WriteString(message, actorName);
        WriteString(message, action);
        WriteString(message, entityType);
        WriteString(message, Format(entityId));
        WriteString(message, enrolmentId is { } enrolment ? Format(enrolment) : null);
        WriteString(message, trainingProviderId is { } provider ? Format(provider) : null);
        WriteString(message, details);
        return Convert.ToHexStringLower(SHA256.HashData(message.GetBuffer().AsSpan(0, (int)message.Length)));
    }

    /// <summary>
    /// Registers <see cref="SqlFunctionName"/> on a connection, so that SQL (the migration that chained the events stored
    /// before the chain existed) computes hashes by this one definition. Its arguments are the previous hash and the
    /// columns Id, OccurredAt, ActorUserId, ActorName, Action, EntityType, EntityId, EnrolmentId, TrainingProviderId,
    /// Details as stored.
    /// </summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<string, long, long, string, string, string, string, string, string?, string?, string?, string>(
            SqlFunctionName,
            (previous, id, ticks, actorUserId, actorName, action, entityType, entityId, enrolmentId, providerId, details) => Hash(
                previous, id, ticks, actorUserId, actorName, action, entityType, Guid.Parse(entityId, CultureInfo.InvariantCulture),
                enrolmentId is null ? null : Guid.Parse(enrolmentId, CultureInfo.InvariantCulture),
                providerId is null ? null : Guid.Parse(providerId, CultureInfo.InvariantCulture),
                details),
            isDeterministic: true);
    }

    private static string Format(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static void WriteInt64(Stream message, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        message.Write(bytes);
    }

    private static void WriteString(Stream message, string? value)
    {
        Span<byte> count = stackalloc byte[sizeof(int)];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(count, -1);
            message.Write(count);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(count, bytes.Length);
        message.Write(count);
        message.Write(bytes);
    }
}
