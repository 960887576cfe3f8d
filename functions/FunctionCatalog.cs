using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>
/// Every function of the app, by the name of its folder under functions/. Timer and queue functions are classes
/// the invoker resolves by name; HTTP functions are mapped at the route their function.json declares.
/// </summary>
public static class FunctionCatalog
{
    public static IServiceCollection AddFunctions(this IServiceCollection services) => services
        .AddQueueFunction<DispatchEmail>(DispatchEmail.Name)
        .AddTimerFunction<SweepOutbox>(SweepOutbox.Name);

    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder app)
    {
        app.MapHttpFunction(GetHealth.Name, GetHealth.Handle).AllowAnonymous();
        return app;
    }
}
