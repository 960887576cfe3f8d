using SocialWatch.Functions.Web;

namespace SocialWatch.Functions;

/// <summary>GET /api/dashboard/{file} (anonymous): the dashboard's scripts and styles, revalidated by ETag on each visit.</summary>
public static class GetDashboardAsset
{
    public const string Name = nameof(GetDashboardAsset);

    public static IResult Handle(string file, HttpContext context, WebAssets assets) => assets.Serve(context, $"dashboard/{file}", "no-cache");
}
