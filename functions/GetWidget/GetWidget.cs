using Microsoft.Azure.Functions.Worker;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Web;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/widget.js (anonymous): the script a business's site embeds to list its live profiles. Browsers keep it five
/// minutes, then revalidate by ETag.
/// </summary>
public sealed class GetWidget(WebAssets assets)
{
    [Function(nameof(GetWidget))]
    [CalledBy(ApiCaller.Anyone)]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "widget.js")] HttpRequest request) =>
        assets.Serve(request.HttpContext, "widget.js", "public, max-age=300");
}
