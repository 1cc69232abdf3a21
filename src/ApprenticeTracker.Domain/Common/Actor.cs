namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// Who did something: the sign-in account's id and the name shown in audit trails. The domain never reads the
/// signed-in user itself; handlers pass the actor in.
/// </summary>
/// <param name="UserId">The id of the sign-in account, or <c>system</c> for the application itself.</param>
/// <param name="DisplayName">The person's name as it should appear in an audit trail.</param>
public sealed record Actor(string UserId, string DisplayName)
{
    /// <summary>The application acting on its own behalf (imports at start-up, seeding).</summary>
    public static Actor System { get; } = new("system", "ApprenticeTracker");
}
