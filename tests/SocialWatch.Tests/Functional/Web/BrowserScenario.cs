using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>What the browser tests show: a business with a plan and profiles, one of them with a handle that is markup.</summary>
public static class BrowserScenario
{
    /// <summary>A handle that would run script if a page parsed it as HTML; it must show as this very text.</summary>
    public const string MarkupHandle = "<img src=x onerror=\"document.title='injected'\">";

    /// <summary>The plan (Instagram, Facebook), then Instagram twice (the second with <see cref="MarkupHandle"/>), Facebook, YouTube.</summary>
    public static async Task AddPlanAndProfilesAsync(this HttpClient client, string businessId)
    {
        await client.SavePlanAsync(businessId);
        await client.CreateProfileAsync(businessId, ApiScenario.Profile("instagram", "rosebakery"));
        var markup = ApiScenario.Profile("instagram", "second");
        markup["handle"] = MarkupHandle;
        await client.CreateProfileAsync(businessId, markup);
        await client.CreateProfileAsync(businessId, ApiScenario.Profile("facebook", "rosebakery"));
        await client.CreateProfileAsync(businessId, ApiScenario.Profile("youtube", "rosebakery"));
    }
}
