using Microsoft.Azure.Functions.Worker;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Web;

namespace SocialWatch.Functions;

/// <summary>GET /api/dashboard (anonymous): the dashboard page; it signs in with a business key and calls the API itself.</summary>
public sealed class GetDashboard(WebAssets assets)
{
    [Function(nameof(GetDashboard))]
    [CalledBy(ApiCaller.Anyone)]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request) =>
        assets.ServePage(request.HttpContext, "dashboard/index.html");
}
