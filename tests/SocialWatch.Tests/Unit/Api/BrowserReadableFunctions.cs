using SocialWatch.Functions;
using SocialWatch.Functions.Api;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Api;

/// <summary>
/// Under the Functions host a CORS preflight reaches the worker only if the function declares OPTIONS: every GET of a
/// business's resources must, or browsers on its site could read it under one host but not the other.
/// </summary>
public sealed class BrowserReadableFunctions
{
    [Fact]
    public void DeclareOptionsBesideGetUnderABusiness()
    {
        var catalog = HttpFunctionCatalog.Load(typeof(SocialWatchServices).Assembly, AppHost.WorkerDirectory);
        var tenantReads = catalog.Functions
            .Where(f => f.Route.StartsWith("businesses/{businessId}", StringComparison.Ordinal) && f.Methods.Contains("GET", StringComparer.Ordinal))
            .ToArray();

        Assert.NotEmpty(tenantReads);
        Assert.All(tenantReads, f => Assert.Equal(["GET", "OPTIONS"], f.Methods));
    }
}
