using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Access;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>
/// The API and an email's sign-in link (Authorization: SocialWatch-Link): it reads its own business and nothing else,
/// changes nothing, and every refused link answers 401 problem+json saying why.
/// </summary>
public sealed class SignInLinkAccess(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    private SignInLinks Links => host.Services.GetRequiredService<SignInLinks>();

    [Theory]
    [InlineData("")]
    [InlineData("/plan")]
    [InlineData("/profiles")]
    [InlineData("/health")]
    public async Task ReadsItsOwnBusiness(string path)
    {
        var business = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(business);

        var response = await SendAsync(HttpMethod.Get, $"/api/businesses/{business}{path}", Links.ForDashboard(business).Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChangesNothing()
    {
        var business = await Client.CreateBusinessAsync();
        var token = Links.ForDashboard(business).Token;

        var create = await SendAsync(HttpMethod.Post, $"/api/businesses/{business}/profiles", token, ApiScenario.Profile());
        var delete = await SendAsync(HttpMethod.Delete, $"/api/businesses/{business}", token);
        var keys = await SendAsync(HttpMethod.Get, $"/api/businesses/{business}/keys", token);
        var all = await SendAsync(HttpMethod.Get, "/api/businesses", token);

        Assert.Equal(["Authorization"], (await create.ProblemAsync(HttpStatusCode.Forbidden)).Keys);
        Assert.Contains("A sign-in link only reads", (await delete.ProblemAsync(HttpStatusCode.Forbidden))["Authorization"][0], StringComparison.Ordinal);
        await keys.ProblemAsync(HttpStatusCode.Forbidden);
        await all.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles", ApiHost.AdminKey)).OkJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task RefusesALinkOfAnotherBusinessSayingWhich()
    {
        var mine = await Client.CreateBusinessAsync();
        var other = await Client.CreateBusinessAsync();

        var response = await SendAsync(HttpMethod.Get, $"/api/businesses/{other}", Links.ForDashboard(mine).Token);

        Assert.Equal($"This sign-in link is for business '{mine}', not '{other}'.", await RefusalAsync(response));
    }

    [Fact]
    public async Task RefusesAnAlteredLink()
    {
        var business = await Client.CreateBusinessAsync();
        var other = await Client.CreateBusinessAsync();
        // The business id swapped for another one's: exactly what a forger would try.
        var token = Links.ForDashboard(business).Token.Replace($".{business}.", $".{other}.", StringComparison.Ordinal);

        var response = await SendAsync(HttpMethod.Get, $"/api/businesses/{other}", token);

        Assert.Contains("has been altered", await RefusalAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnExpiredLink()
    {
        var business = await Client.CreateBusinessAsync();
        var token = Links.Sign(business, SignInLinks.DashboardPurpose, DateTimeOffset.UtcNow.AddMinutes(-1));

        var response = await SendAsync(HttpMethod.Get, $"/api/businesses/{business}", token);

        Assert.StartsWith("The sign-in link expired on ", await RefusalAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesALinkMadeForAnotherPurpose()
    {
        var business = await Client.CreateBusinessAsync();
        var token = Links.Sign(business, "unsubscribe", DateTimeOffset.UtcNow.AddDays(1));

        var response = await SendAsync(HttpMethod.Get, $"/api/businesses/{business}", token);

        Assert.Equal("This link was made for 'unsubscribe', not for signing in to the dashboard.", await RefusalAsync(response));
    }

    [Fact]
    public async Task RefusesALinkSignedWithAKeyItDoesNotHold()
    {
        var business = await Client.CreateBusinessAsync();
        var stranger = new SignInLinks(Options.Create(new SignInLinkOptions { SigningKey = "a-key-this-app-never-had-0123456789abcdefghij" }), TimeProvider.System);

        var response = await SendAsync(HttpMethod.Get, $"/api/businesses/{business}", stranger.ForDashboard(business).Token);

        Assert.Contains("no longer accepts", await RefusalAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAMalformedLinkWithoutFallingBackToAKey()
    {
        var business = await Client.CreateBusinessAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/businesses/{business}");
        request.Headers.Authorization = new AuthenticationHeaderValue("SocialWatch-Link", ApiHost.AdminKey);

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains("malformed", await RefusalAsync(response), StringComparison.Ordinal);
    }

    /// <summary>The 401's one error, on the Authorization header, after checking that nothing of the secret shows.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "SocialWatch-Link");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(TestSettings.LinkSigningKey, body, StringComparison.Ordinal);
        var errors = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        return Assert.Single(Assert.Single(errors, e => e.Key == "Authorization").Value);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("SocialWatch-Link", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
