namespace SocialWatch.Functions.Web;

public static class WebAssetsServiceCollectionExtensions
{
    /// <summary>The widget and dashboard files, loaded and compressed once.</summary>
    public static IServiceCollection AddWebAssets(this IServiceCollection services) => services.AddSingleton<WebAssets>();
}
