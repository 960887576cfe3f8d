using System.Globalization;
using SocialWatch.Businesses;
using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Plans;

/// <summary>
/// What makes a plan usable: at least one network, each planned once with a cadence above zero (a presence network may be
/// as low as 0.25 a week, about monthly) and a core message; goals with a metric, a target above zero (rates at most 100)
/// and a deadline after today; an accountable owner; a next review date after today.
/// </summary>
public static class PlanRules
{
    public const int MaxGoals = 20;
    public const int MaxGoalIdLength = 40;
    public const int MaxUnitLength = 32;
    public const double MaxCount = 1_000_000_000;
    public const double MaxRate = 100;
    public const double MaxPostsPerWeek = 100;
    public const int MaxCoreMessageLength = 1000;

    public static Plan? Validate(PlanInput input, string businessId, DateOnly today, DateTimeOffset now, ValidationErrors errors)
    {
        var goals = ValidateGoals(errors, input.Goals, today);
        var networks = ValidateNetworks(errors, input.Networks);
        var owner = BusinessRules.ValidatePerson(errors, "accountableOwner", input.AccountableOwner);
        var review = errors.FutureDate("nextReviewDate", input.NextReviewDate, today);

        return errors.IsEmpty ? new Plan(businessId, goals!, networks!, owner!, review!.Value, now) : null;
    }

    private static Goal[]? ValidateGoals(ValidationErrors errors, IReadOnlyList<GoalInput?>? input, DateOnly today)
    {
        if (errors.Required("goals", input) is not { } items)
        {
            return null;
        }

        if (items.Count > MaxGoals)
        {
            errors.Add("goals", $"must hold at most {MaxGoals} goals");
            return null;
        }

        var goals = new List<Goal>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = ValidationErrors.Item("goals", i);
            if (errors.Required(path, items[i]) is not { } goal)
            {
                continue;
            }

            var metric = errors.Required(ValidationErrors.Field(path, "metric"), goal.Metric);
            var maximum = metric?.IsRate() == true ? MaxRate : MaxCount;
            var target = errors.Number(ValidationErrors.Field(path, "target"), goal.Target, 0, maximum);
            var baseline = errors.Number(ValidationErrors.Field(path, "baseline"), goal.Baseline, 0, maximum, minimumAllowed: true, required: false);
            var unit = errors.OptionalText(ValidationErrors.Field(path, "unit"), goal.Unit, MaxUnitLength);
            var deadline = errors.FutureDate(ValidationErrors.Field(path, "deadline"), goal.Deadline, today);
            var id = GoalId(errors, ValidationErrors.Field(path, "id"), goal.Id, metric, i, ids);
            if (id is not null && metric is not null && target is not null && deadline is not null)
            {
                goals.Add(new Goal(id, metric.Value, target.Value, unit, deadline.Value, baseline));
            }
        }

        return goals.ToArray();
    }

    /// <summary>A goal's id as given, or made from its metric (followers, followers-2...); unique within the plan.</summary>
    private static string? GoalId(ValidationErrors errors, string path, string? given, GoalMetric? metric, int index, Dictionary<string, int> taken)
    {
        string? id;
        if (given is not null)
        {
            if (!FieldRules.IsSlug(given, 1, MaxGoalIdLength))
            {
                errors.Add(path, $"must be 1 to {MaxGoalIdLength} lowercase letters, digits and inner hyphens");
                return null;
            }

            id = given;
        }
        else if (metric is { } m)
        {
            var stem = WireNames.Name(m);
            id = stem;
            for (var n = 2; taken.ContainsKey(id); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            }
        }
        else
        {
            return null;
        }

        if (!taken.TryAdd(id, index))
        {
            errors.Add(path, $"'{id}' is already the id of goals[{taken[id]}]");
            return null;
        }

        return id;
    }

    private static NetworkPlan[]? ValidateNetworks(ValidationErrors errors, IReadOnlyList<NetworkPlanInput?>? input)
    {
        if (errors.Required("networks", input) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            errors.Add("networks", "must plan at least one network");
            return null;
        }

        var networks = new List<NetworkPlan>();
        var planned = new Dictionary<Network, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = ValidationErrors.Item("networks", i);
            if (errors.Required(path, items[i]) is not { } item)
            {
                continue;
            }

            var network = errors.Required(ValidationErrors.Field(path, "network"), item.Network);
            if (network is { } n && !planned.TryAdd(n, i))
            {
                errors.Add(ValidationErrors.Field(path, "network"), $"{n.Name()} is already planned at networks[{planned[n]}]");
            }

            var role = errors.Required(ValidationErrors.Field(path, "role"), item.Role);
            var cadencePath = ValidationErrors.Field(path, "postsPerWeek");
            double? cadence = null;
            if (role is { } r && item.PostsPerWeek is null or <= 0)
            {
                errors.Add(cadencePath, r == NetworkRole.Primary
                    ? "a primary network needs a cadence: more than 0 posts per week"
                    : "a presence network still needs a cadence: more than 0 posts per week (0.25 is about once a month)");
            }
            else
            {
                cadence = errors.Number(cadencePath, item.PostsPerWeek, 0, MaxPostsPerWeek);
            }

            var message = errors.RequiredText(ValidationErrors.Field(path, "coreMessage"), item.CoreMessage, MaxCoreMessageLength);
            if (network is not null && role is not null && cadence is not null && message is not null)
            {
                networks.Add(new NetworkPlan(network.Value, role.Value, cadence.Value, message));
            }
        }

        return networks.ToArray();
    }
}
