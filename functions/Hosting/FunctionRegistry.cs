namespace SocialWatch.Functions.Hosting;

/// <summary>
/// Binds function names (the folder names under functions/) to their code. At start, every function.json must have
/// code of the matching trigger kind and every piece of code a function.json: a mismatch refuses to start.
/// </summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, TriggerKind> registered = new(StringComparer.Ordinal);

    internal void Add(string name, TriggerKind kind)
    {
        if (!registered.TryAdd(name, kind))
        {
            throw new InvalidOperationException($"Function '{name}' is registered twice.");
        }
    }

    public void EnsureMatches(FunctionManifest manifest)
    {
        var problems = new List<string>();
        foreach (var (name, definition) in manifest.Functions)
        {
            // Names are matched ignoring case to report a misspelling as such: the invoker looks code up by the exact folder name.
            var code = registered.Keys.FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
            if (code is null)
            {
                problems.Add($"functions/{name}/function.json has no code registered for it");
            }
            else if (!string.Equals(code, name, StringComparison.Ordinal))
            {
                problems.Add($"function '{code}' is spelled '{name}' in its folder name");
            }
            else if (registered[code] != definition.Kind)
            {
                problems.Add($"functions/{name}/function.json declares a {definition.Kind} trigger but its code handles {registered[code]}");
            }
        }

        problems.AddRange(registered.Keys.Where(name => !manifest.Functions.ContainsKey(name)).Select(name => $"function '{name}' has code but no functions/{name}/function.json"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The functions do not match their function.json files: " + string.Join("; ", problems) + ".");
        }
    }
}

public static class FunctionRegistrationExtensions
{
    public static IServiceCollection AddTimerFunction<TFunction>(this IServiceCollection services, string name)
        where TFunction : class, ITimerFunction
    {
        Registry(services).Add(name, TriggerKind.Timer);
        return services.AddKeyedScoped<ITimerFunction, TFunction>(name);
    }

    public static IServiceCollection AddQueueFunction<TFunction>(this IServiceCollection services, string name)
        where TFunction : class, IQueueFunction
    {
        Registry(services).Add(name, TriggerKind.Queue);
        return services.AddKeyedScoped<IQueueFunction, TFunction>(name);
    }

    /// <summary>Maps an HTTP function at the route and methods its function.json declares, under the host's route prefix.</summary>
    public static RouteHandlerBuilder MapHttpFunction(this IEndpointRouteBuilder app, string name, Delegate handler)
    {
        var manifest = app.ServiceProvider.GetRequiredService<FunctionManifest>();
        var definition = manifest[name];
        if (definition.Kind != TriggerKind.Http)
        {
            throw new InvalidOperationException($"functions/{name}/function.json declares a {definition.Kind} trigger, not an HTTP one.");
        }

        app.ServiceProvider.GetRequiredService<FunctionRegistry>().Add(name, TriggerKind.Http);
        var route = definition.Route ?? name;
        return app.MapMethods($"/{manifest.Host.RoutePrefix}/{route}", definition.Methods, handler).WithName(name);
    }

    internal static FunctionRegistry Registry(IServiceCollection services)
    {
        var descriptor = services.FirstOrDefault(d => d.ServiceType == typeof(FunctionRegistry));
        if (descriptor?.ImplementationInstance is FunctionRegistry existing)
        {
            return existing;
        }

        var registry = new FunctionRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
