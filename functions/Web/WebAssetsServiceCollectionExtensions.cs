namespace SocialWatch.Functions.Web;

public static class WebAssetsServiceCollectionExtensions
{
    /// <summary>The widget and dashboard files, loaded and compressed once, here: a file the app cannot serve refuses the start.</summary>
    public static IServiceCollection AddWebAssets(this IServiceCollection services) => services.AddSingleton(new WebAssets());
}
