using System.Text.Json.Nodes;
using SocialWatch.Host.Queues;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>host.json extensions.queues, with the Functions host's defaults and limits.</summary>
public sealed class QueueSettingsParse
{
    [Fact]
    public void UsesTheHostDefaultsWhenNothingIsSet()
    {
        var settings = QueueSettings.Parse(null);

        Assert.Equal(new QueueSettings(16, 8 * Environment.ProcessorCount, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1)), settings);
    }

    [Fact]
    public void DerivesTheNewBatchThresholdFromTheBatchSizeAndCores()
    {
        var settings = QueueSettings.Parse(Queues("""{ "batchSize": 4 }"""));

        Assert.Equal(2 * Environment.ProcessorCount, settings.NewBatchThreshold);
    }

    [Fact]
    public void ReadsEverySetting()
    {
        var settings = QueueSettings.Parse(Queues("""{ "batchSize": 32, "newBatchThreshold": 0, "maxDequeueCount": 1, "visibilityTimeout": "00:00:10", "maxPollingInterval": "00:00:02", "messageEncoding": "base64" }"""));

        Assert.Equal(new QueueSettings(32, 0, 1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), settings);
    }

    [Theory]
    [InlineData("""{ "messageEncoding": "none" }""", false)]
    [InlineData("""{ "messageEncoding": "Base64" }""", true)]
    public void ReadsTheMessageEncoding(string queues, bool base64)
    {
        Assert.Equal(base64, QueueSettings.Parse(Queues(queues)).Base64Encoding);
    }

    [Theory]
    [InlineData("""{ "batchSize": 0 }""", "batchSize must be 1 to 32; it is 0")]
    [InlineData("""{ "batchSize": 33 }""", "batchSize must be 1 to 32; it is 33")]
    [InlineData("""{ "maxDequeueCount": 0 }""", "maxDequeueCount must be at least 1")]
    [InlineData("""{ "newBatchThreshold": -1 }""", "newBatchThreshold must be 0 or more")]
    [InlineData("""{ "visibilityTimeout": "soon" }""", "visibilityTimeout must be a time span \"hh:mm:ss\"; it is \"soon\"")]
    [InlineData("""{ "visibilityTimeout": 10 }""", "visibilityTimeout must be a time span \"hh:mm:ss\"; it is 10")]
    [InlineData("""{ "visibilityTimeout": "-00:00:01" }""", "visibilityTimeout must not be negative")]
    [InlineData("""{ "maxPollingInterval": "00:00:00.050" }""", "maxPollingInterval must be at least 00:00:00.1")]
    [InlineData("""{ "messageEncoding": "utf8" }""", "messageEncoding must be \"base64\" or \"none\"")]
    public void RefusesValuesTheHostWouldRefuse(string queues, string expected)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => QueueSettings.Parse(Queues(queues)));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    private static JsonObject Queues(string json) => JsonNode.Parse(json)!.AsObject();
}
