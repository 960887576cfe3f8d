using SocialWatch.Functions.Web;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/widget.js (anonymous): the script a business's site embeds to list its live profiles. Browsers keep it five
/// minutes, then revalidate by ETag.
/// </summary>
public static class GetWidget
{
    public const string Name = nameof(GetWidget);

    public static IResult Handle(HttpContext context, WebAssets assets) => assets.Serve(context, "widget.js", "public, max-age=300");
}
