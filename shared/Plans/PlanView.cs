using System.Text.Json.Serialization;
using SocialWatch.Profiles;

namespace SocialWatch.Plans;

/// <summary>
/// The plan as GET returns it: the plan itself, and the business's profiles grouped by network so that the business's site
/// can render the plan with its links. The plan's networks come first, in plan order (each one, even without profiles);
/// profiles on networks outside the plan follow.
/// </summary>
public sealed record PlanView : Plan
{
    public PlanView(Plan plan, IEnumerable<Profile> profiles)
        : base(plan)
    {
        var groups = new OrderedDictionary<string, IReadOnlyList<ProfileLink>>(StringComparer.Ordinal);
        var byNetwork = profiles.GroupBy(p => p.Network).ToDictionary(g => g.Key, g => g.Select(ProfileLink.Of).ToArray());
        foreach (var network in plan.Networks.Select(n => n.Network).Concat(byNetwork.Keys.Order()).Distinct())
        {
            groups.Add(network.Name(), byNetwork.TryGetValue(network, out var links) ? links : []);
        }

        Profiles = groups;
    }

    [JsonPropertyOrder(1)]
    public IReadOnlyDictionary<string, IReadOnlyList<ProfileLink>> Profiles { get; }
}
