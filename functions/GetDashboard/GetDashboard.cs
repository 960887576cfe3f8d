using SocialWatch.Functions.Web;

namespace SocialWatch.Functions;

/// <summary>GET /api/dashboard (anonymous): the dashboard page; it signs in with a business key and calls the API itself.</summary>
public static class GetDashboard
{
    public const string Name = nameof(GetDashboard);

    public static IResult Handle(HttpContext context, WebAssets assets) => assets.ServePage(context, "dashboard/index.html");
}
