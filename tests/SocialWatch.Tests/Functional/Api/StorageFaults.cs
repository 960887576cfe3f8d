using System.Globalization;
using System.Net;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>A fault nobody expected (storage unreachable) is still answered as problem+json, never as a bare error page.</summary>
public sealed class StorageFaults
{
    [Fact]
    public async Task AnswersUnreachableStorageWith500Problem()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var nowhere = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        await using var app = await AppHost.StartAsync(TestSettings.For(nowhere, AzuriteFixture.NewPrefix()));

        var response = await app.Client.SendAsync(HttpMethod.Get, "/api/businesses", ApiHost.AdminKey);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("AccountKey", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
