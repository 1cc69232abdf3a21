using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Persistence.OffTheJob;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>Changes the status of one of my organisation's enrolments along a transition the domain allows.</summary>
public sealed class ChangeEnrolmentStatusHandler(EnrolmentChange change)
{
    public Task<CommandResult> HandleAsync(Guid id, StatusForm form, CancellationToken ct) =>
        change.RunAsync(id, "Action", async (db, enrolment, actor, at, errors) =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var reason = form.Reason ?? string.Empty;
            switch (form.Action)
            {
                case "break":
                    enrolment.StartBreakInLearning(reason, actor, at);
                    break;
                case "resume":
                    enrolment.ResumeLearning(actor, at);
                    break;
                case "withdraw":
                    enrolment.Withdraw(reason, actor, at);
                    break;
                case "return":
                    enrolment.ReturnFromGateway(reason, actor, at);
                    break;
                case "complete":
                    enrolment.Complete(actor, at);
                    break;
                case "gateway":
                    var standard = await EnrolmentChange.LoadStandardAsync(db, enrolment.StandardId, tracked: false, ct);
                    var mappings = await (
                            from link in db.Set<EvidenceDuty>()
                            join item in AccessScopes.Evidence(db, change.User) on link.EvidenceItemId equals item.Id
                            where item.EnrolmentId == enrolment.Id
                            select new EvidenceMapping(item.Id, link.DutyId, item.Status))
                        .ToListAsync(ct);
                    var offTheJob = await OffTheJobReader.ProgressAsync(db, enrolment.Id, change.Today, ct);
                    var readiness = GatewayReadiness.Assess(enrolment, standard, EnrolmentChange.Progress(standard, enrolment, mappings), change.Today, offTheJob);
                    enrolment.PassGateway(readiness, actor, at);
                    break;
                default:
                    errors.Add("Action", "Choose the change of status.");
                    break;
            }
        }, ct);
}
