using SocialWatch.Functions.Hosting;

namespace SocialWatch.Tests.Unit.Api;

/// <summary>
/// Under the Functions host a CORS preflight reaches the handler only if the route's function.json lists OPTIONS: every GET
/// of a business's resources must, or browsers on its site could read it in local mode but not in Azure.
/// </summary>
public sealed class BrowserReadableFunctions
{
    [Fact]
    public void ListOptionsBesideGetUnderABusiness()
    {
        var manifest = FunctionManifest.Load(AppContext.BaseDirectory);
        var tenantReads = manifest.Functions.Values
            .Where(f => f.Kind == TriggerKind.Http && f.Route?.StartsWith("businesses/{businessId}", StringComparison.Ordinal) == true
                && f.Methods.Contains("GET", StringComparer.OrdinalIgnoreCase))
            .ToArray();

        Assert.NotEmpty(tenantReads);
        Assert.All(tenantReads, f => Assert.Equal(["get", "options"], f.Methods.Select(m => m.ToLowerInvariant())));
    }
}
