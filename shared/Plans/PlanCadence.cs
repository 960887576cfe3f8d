using SocialWatch.Profiles;

namespace SocialWatch.Plans;

public static class PlanCadence
{
    /// <summary>The plan's posts per week on a network (summed if listed twice); null when the plan sets none for it.</summary>
    public static double? PostsPerWeek(this Plan? plan, Network network) =>
        plan?.Networks.Where(n => n.Network == network).Sum(n => n.PostsPerWeek) is > 0 and var perWeek ? perWeek : null;
}
