using Microsoft.Azure.Functions.Worker;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Web;

namespace SocialWatch.Functions;

/// <summary>GET /api/dashboard/{file} (anonymous): the dashboard's scripts and styles, revalidated by ETag on each visit.</summary>
public sealed class GetDashboardAsset(WebAssets assets)
{
    [Function(nameof(GetDashboardAsset))]
    [CalledBy(ApiCaller.Anyone)]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{file}")] HttpRequest request,
        string file) =>
        assets.Serve(request.HttpContext, $"dashboard/{file}", "no-cache");
}
