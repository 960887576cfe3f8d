using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SocialWatch.Host.Functions;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>AzureFunctionsJobHost__… app settings override host.json, as under the Functions host.</summary>
public sealed class HostSettingsOverrides
{
    [Fact]
    public void ReplacesAndAddsValuesAtTheirPathsWithJsonTypes()
    {
        var host = JsonNode.Parse("""{"version":"2.0","extensions":{"queues":{"maxDequeueCount":5,"visibilityTimeout":"00:00:10"}}}""")!.AsObject();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "v2",
            ["SomethingElse:extensions:queues:batchSize"] = "1",
        }).Build();

        HostSettings.ApplyOverrides(host, settings.GetSection(HostSettings.OverrideSection));
        var parsed = HostSettings.Parse(host);

        Assert.Equal(2, parsed.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, parsed.Queues.VisibilityTimeout);
        Assert.Equal("v2", parsed.RoutePrefix);
        Assert.Equal(16, parsed.Queues.BatchSize);
    }
}
