using SocialWatch.Host.Http;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>The front door's URLs (ASPNETCORE_URLS / --urls): http on localhost, an IP address or every address.</summary>
public sealed class FrontDoorAddressesParse
{
    [Theory]
    [InlineData("http://127.0.0.1:7071", "127.0.0.1", 7071)]
    [InlineData("http://localhost:7072/", "localhost", 7072)]
    [InlineData("http://*:8080", "*", 8080)]
    [InlineData("http://+:8081", "*", 8081)]
    [InlineData("http://[::1]:7071", "[::1]", 7071)]
    [InlineData("http://127.0.0.1:0", "127.0.0.1", 0)]
    public void ReadsHostAndPort(string url, string host, int port)
    {
        Assert.Equal((host, port), FrontDoorAddresses.Parse(url));
    }

    [Theory]
    [InlineData("https://127.0.0.1:7071", "https is not served")]
    [InlineData("http://example.org:80", "use localhost, an IP address or *")]
    [InlineData("http://127.0.0.1:7071/api", "must be http://{host}:{port}")]
    public void RefusesWhatItCannotServe(string url, string expected)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => FrontDoorAddresses.Parse(url));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }
}
