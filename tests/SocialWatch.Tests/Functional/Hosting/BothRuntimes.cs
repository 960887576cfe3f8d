using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Functions.Hosting;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>
/// One queue function, one message, two runtimes: fired by the local queue listener, and posted the way the Functions host posts
/// it to a custom handler. Both must leave the same row behind.
/// </summary>
public sealed class BothRuntimes(AzuriteFixture azurite)
{
    public static TheoryData<string, string, string> Messages => new()
    {
        { """{"customer":"Café Rivière","lines":[{"item":"espresso","quantity":3,"price":2.5},{"item":"croissant","quantity":2,"price":1.75}]}""", "order", "Café Rivière" },
        { "Reply to the three reviews left on Sunday", "note", "Reply to the three reviews left on Sunday" },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task GiveTheSameResultForTheSameMessage(string message, string kind, string identity)
    {
        using var root = TestAppRoot.Create(TestAppRoot.Queues(("maxPollingInterval", "00:00:00.2")), TestFunctionFolder.Queue(WritesResult.Name, WritesResult.QueueName));
        var key = (kind, WritesResult.Key(identity));

        var local = await RunLocallyAsync(root, message, key);
        var hosted = await RunAsCustomHandlerAsync(root, message, key);

        Assert.Equal(local, hosted);
        Assert.Equal(1L, local["DequeueCount"]);
    }

    private async Task<IReadOnlyDictionary<string, object>> RunLocallyAsync(TestAppRoot root, string message, (string Partition, string Row) key)
    {
        var prefix = AzuriteFixture.NewPrefix();
        await using var app = new FunctionsAppFactory(azurite, root, prefix, Register);
        app.Start();
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{WritesResult.QueueName}", StorageServiceCollectionExtensions.QueueClientOptions());
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancel);

        await queue.SendMessageAsync(message, Cancel);

        IReadOnlyDictionary<string, object>? row = null;
        await Eventually.TrueAsync(async () => (row = await ReadResultAsync(prefix, key)) is not null, "the local run's result row");
        return row!;
    }

    private async Task<IReadOnlyDictionary<string, object>> RunAsCustomHandlerAsync(TestAppRoot root, string message, (string Partition, string Row) key)
    {
        var prefix = AzuriteFixture.NewPrefix();
        await using var app = new FunctionsAppFactory(azurite, root, prefix, Register, customHandler: true);
        // The host hands a JSON message over as a JSON value and a text message as a string.
        var data = message.StartsWith('{') ? JsonNode.Parse(message)! : JsonValue.Create(message);

        var response = await app.CreateClient().PostAsJsonAsync(new Uri($"/{WritesResult.Name}", UriKind.Relative), CustomHandlerInvocation.QueuePayload(data, dequeueCount: 1), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadResultAsync(prefix, key) ?? throw new InvalidOperationException("The custom-handler run left no result row.");
    }

    private async Task<IReadOnlyDictionary<string, object>?> ReadResultAsync(string prefix, (string Partition, string Row) key)
    {
        var table = new TableClient(azurite.ConnectionString, prefix + WritesResult.TableBaseName);
        await table.CreateIfNotExistsAsync(Cancel);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.Partition, key.Row, cancellationToken: Cancel);
        // What the function wrote, without what the table adds (timestamp, ETag).
        return row.HasValue
            ? row.Value!.Keys.Where(key => key is not ("Timestamp" or "odata.etag")).ToDictionary(key => key, key => row.Value[key])
            : null;
    }

    private static void Register(IServiceCollection services) => services.AddQueueFunction<WritesResult>(WritesResult.Name);
}
