using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.Progress;

/// <summary>One item of the gateway checklist and whether it is met.</summary>
/// <param name="Key">Stable key: <c>all-duties-signed-off</c>, <c>minimum-duration</c>, or a requirement's key.</param>
/// <param name="Detail">Why the item is or is not met, for example "7 of 10 duties signed off".</param>
public sealed record GatewayCheck(string Key, string Label, bool IsMet, string Detail);

/// <summary>
/// Whether an apprentice is ready for gateway: every duty signed off, the minimum duration met, and each requirement
/// the provider confirms. Computed, never stored.
/// </summary>
public sealed class GatewayReadiness
{
    public const string AllDutiesKey = "all-duties-signed-off";
    public const string MinimumDurationKey = "minimum-duration";

    /// <summary>The requirement that off-the-job training is completed; computed from the log when progress is given.</summary>
    public const string OffTheJobKey = "off-the-job-complete";

    private GatewayReadiness(IReadOnlyList<GatewayCheck> checks)
    {
        Checks = checks;
    }

    public IReadOnlyList<GatewayCheck> Checks { get; }

    public bool IsReady => Checks.All(c => c.IsMet);

    public int MetCount => Checks.Count(c => c.IsMet);

    /// <param name="today">Today's date, for the minimum duration.</param>
    /// <param name="offTheJob">
    /// The off-the-job log against the plan. When given, the requirement <see cref="OffTheJobKey"/> is met only when
    /// the approved hours reach the planned hours and the provider has confirmed it too; its detail says both.
    /// </param>
    /// <param name="status">
    /// The enrolment's status. Past gateway (<see cref="EnrolmentStatusRules.IsPastGateway"/>), the off-the-job line
    /// the provider confirmed stays met as it was recorded when gateway was passed, even where the log falls short:
    /// gateways passed before the log existed rested on the confirmation alone (decision 91).
    /// </param>
    public static GatewayReadiness Assess(
        EnrolmentProgress progress, DateOnly startDate, int minimumDurationMonths,
        IEnumerable<GatewayRequirement> requirements, IEnumerable<GatewayConfirmation> confirmations, DateOnly today,
        OffTheJobProgress? offTheJob = null, EnrolmentStatus status = EnrolmentStatus.Active)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(confirmations);
        var checks = new List<GatewayCheck>
        {
            new(AllDutiesKey, "All duties signed off", progress.AllDutiesSignedOff,
                $"{progress.DutiesSignedOff} of {progress.TotalDuties} duties signed off"),
        };
        var metOn = startDate.AddMonths(minimumDurationMonths);
        checks.Add(new(MinimumDurationKey, $"Minimum duration of {minimumDurationMonths} months met", today >= metOn,
            today >= metOn ? $"Met on {Dates.Display(metOn)}" : $"Met on {Dates.Display(metOn)}, not yet reached"));
        var confirmed = confirmations.ToDictionary(c => c.RequirementKey, StringComparer.Ordinal);
        foreach (var requirement in requirements.OrderBy(r => r.Order))
        {
            if (offTheJob is not null && requirement.Key == OffTheJobKey)
            {
                checks.Add(OffTheJobCheck(requirement, offTheJob, confirmed.GetValueOrDefault(requirement.Key), status.IsPastGateway()));
                continue;
            }

            checks.Add(confirmed.TryGetValue(requirement.Key, out var c)
                ? new GatewayCheck(requirement.Key, requirement.Label, true, $"Confirmed by {c.ConfirmedByName} on {Dates.Display(c.ConfirmedAt)}")
                : new GatewayCheck(requirement.Key, requirement.Label, false, "Not yet confirmed by the provider"));
        }

        return new GatewayReadiness(checks);
    }

    /// <summary>Assesses an enrolment loaded with its sign-offs and confirmations against its standard version.</summary>
    public static GatewayReadiness Assess(Enrolment enrolment, Standard standard, EnrolmentProgress progress, DateOnly today, OffTheJobProgress? offTheJob = null)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(standard);
        return Assess(progress, enrolment.StartDate, enrolment.MinimumDurationMonths, standard.GatewayRequirements, enrolment.GatewayConfirmations, today, offTheJob, enrolment.Status);
    }

    private static GatewayCheck OffTheJobCheck(GatewayRequirement requirement, OffTheJobProgress offTheJob, GatewayConfirmation? confirmation, bool pastGateway)
    {
        var hours = offTheJob.PlannedMinutes is { } planned
            ? $"{OffTheJobRules.Hours(offTheJob.ApprovedMinutes)} of {OffTheJobRules.Hours(planned)} planned hours approved"
            : $"{OffTheJobRules.Hours(offTheJob.ApprovedMinutes)} hours approved; the planned hours are not known";
        var confirmed = confirmation is null
            ? "not yet confirmed by the provider"
            : $"confirmed by {confirmation.ConfirmedByName} on {Dates.Display(confirmation.ConfirmedAt)}";
        if (pastGateway && confirmation is not null && !offTheJob.IsComplete)
        {
            return new GatewayCheck(requirement.Key, requirement.Label, true, $"{hours}; {confirmed}; met as recorded when gateway was passed");
        }

        return new GatewayCheck(requirement.Key, requirement.Label, offTheJob.IsComplete && confirmation is not null, $"{hours}; {confirmed}");
    }
}
