using SocialWatch.Businesses;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Validation;

namespace SocialWatch.Plans;

/// <summary>Reads a business's plan (with its profiles) and saves it (create or replace).</summary>
public sealed class PlanService(IPlanStore plans, IProfileStore profiles, IBusinessStore businesses, TimeProvider time)
{
    /// <summary>The plan and the profiles grouped by network: one point read and one partition query, side by side.</summary>
    public async Task<Outcome<PlanView>> GetAsync(string businessId, CancellationToken cancellationToken)
    {
        var plan = plans.FindAsync(businessId, cancellationToken);
        var all = profiles.ListAsync(businessId, cancellationToken);
        await Task.WhenAll(plan, all);
        return await plan is { } found
            ? Outcome.Ok<PlanView>(new PlanView(found.Value, (await all).Select(p => p.Value)), found.Version)
            : Outcome.NotFound<PlanView>("plan", "This business has no plan yet: PUT one.");
    }

    /// <summary>
    /// Saves the plan. Without a precondition it is created (201) or replaced (200); with If-Match it must exist at that
    /// version. Dates are checked against today in the business's time zone.
    /// </summary>
    public async Task<Outcome<Plan>> SaveAsync(string businessId, PlanInput input, VersionCondition condition, CancellationToken cancellationToken)
    {
        var business = businesses.FindAsync(businessId, cancellationToken);
        var current = plans.FindAsync(businessId, cancellationToken);
        await Task.WhenAll(business, current);
        if (await business is not { Value.IsActive: true } owner)
        {
            return BusinessService.NotFound<Plan>();
        }

        var errors = new ValidationErrors();
        var plan = PlanRules.Validate(input, businessId, owner.Value.Today(time), time.GetUtcNow(), errors);
        if (plan is null)
        {
            return Outcome.Invalid<Plan>(errors);
        }

        var existing = await current;
        if (!condition.IsConditional)
        {
            var upserted = await plans.UpsertAsync(plan, cancellationToken);
            return existing is null ? Outcome.Created<Plan>(plan, upserted.Version!) : Outcome.Ok<Plan>(plan, upserted.Version);
        }

        // If-Match on a plan that does not exist yet fails, as HTTP says: there is no current version to match.
        if (existing is null || !condition.IsSatisfiedBy(existing.Version))
        {
            return Outcome.VersionMismatch<Plan>();
        }

        var replaced = await plans.ReplaceAsync(plan, existing.Version, cancellationToken);
        return replaced.Status == WriteStatus.Written ? Outcome.Ok<Plan>(plan, replaced.Version) : Outcome.VersionMismatch<Plan>();
    }
}
