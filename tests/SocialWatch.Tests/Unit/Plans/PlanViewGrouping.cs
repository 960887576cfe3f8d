using SocialWatch.Businesses;
using SocialWatch.Plans;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Plans;

public class PlanViewGrouping
{
    private static readonly Plan Plan = new(
        "rose-bakery",
        [],
        [new NetworkPlan(Network.TikTok, NetworkRole.Primary, 3, "x"), new NetworkPlan(Network.Facebook, NetworkRole.Presence, 0.5, "y")],
        new Person("Ann", "ann@rose.example"),
        new DateOnly(2030, 1, 1),
        DateTimeOffset.UnixEpoch);

    private static Profile ProfileOn(Network network, string id) =>
        new("rose-bakery", id, network, $"https://{network.Name()}.example/{id}", id, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void ListsThePlansNetworksFirstInPlanOrderEvenWithoutProfiles()
    {
        var view = new PlanView(Plan, [ProfileOn(Network.Facebook, "f1")]);

        Assert.Equal(["tiktok", "facebook"], view.Profiles.Keys);
        Assert.Empty(view.Profiles["tiktok"]);
        Assert.Equal("f1", Assert.Single(view.Profiles["facebook"]).Id);
    }

    [Fact]
    public void ListsProfilesOnOtherNetworksAfterThePlansOnes()
    {
        var view = new PlanView(Plan, [ProfileOn(Network.YouTube, "y1"), ProfileOn(Network.Instagram, "i1"), ProfileOn(Network.TikTok, "t1"), ProfileOn(Network.TikTok, "t2")]);

        Assert.Equal(["tiktok", "facebook", "instagram", "youtube"], view.Profiles.Keys);
        Assert.Equal(["t1", "t2"], view.Profiles["tiktok"].Select(p => p.Id));
    }

    [Fact]
    public void KeepsThePlanItself()
    {
        var view = new PlanView(Plan, []);

        Assert.Equal(Plan.Networks, view.Networks);
        Assert.Equal(Plan.NextReviewDate, view.NextReviewDate);
    }
}
