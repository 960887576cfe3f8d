using System.Net;
using SocialWatch.Demo;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>GET benchmark state over HTTP: an ETag that changes when a profile is scored, and 304 to a client whose copy is current.</summary>
public sealed class BenchmarkStateReads(ScoringHost host) : IClassFixture<ScoringHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswersNotModifiedToTheCurrentETagAndTheNewStateOnceAProfileIsScoredAgain()
    {
        var (businessId, ownerKey, profiles) = await host.NewBusinessAsync();
        var weeks = DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 2);
        var first = profiles.Select(p => ScoringHost.Snapshot(businessId, p.ProfileId, p.Shape.Network, weeks[0]));
        Assert.Equal(HttpStatusCode.Accepted, await ScoringHost.PostCsvAsync(host.Client, businessId, ownerKey, DemoSnapshots.Csv(first)));
        await host.WaitForBenchmarksAsync(businessId, ownerKey, profiles.Count, 1, TimeSpan.FromMinutes(1));
        var business = $"/api/businesses/{businessId}/benchmarks";
        var profile = $"/api/businesses/{businessId}/profiles/{profiles[0].ProfileId}/benchmarks";

        using var businessAnswer = await GetAsync(business, ownerKey);
        using var profileAnswer = await GetAsync(profile, ownerKey);
        var businessTag = businessAnswer.Headers.ETag!.ToString();
        var profileTag = profileAnswer.Headers.ETag!.ToString();
        using var businessCurrent = await GetAsync(business, ownerKey, businessTag);
        using var profileCurrent = await GetAsync(profile, ownerKey, $"\"other\", {profileTag}");
        using var csv = await GetAsync(business, ownerKey, businessTag, "text/csv");

        Assert.Equal(HttpStatusCode.OK, businessAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, businessCurrent.StatusCode);
        Assert.Empty(await businessCurrent.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(businessTag, businessCurrent.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, profileCurrent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        var second = ScoringHost.Snapshot(businessId, profiles[0].ProfileId, profiles[0].Shape.Network, weeks[1]);
        Assert.Equal(HttpStatusCode.Accepted, await ScoringHost.PostCsvAsync(host.Client, businessId, ownerKey, DemoSnapshots.Csv([second])));
        await Eventually.TrueAsync(
            async () =>
            {
                using var answer = await GetAsync(profile, ownerKey, profileTag);
                return answer.StatusCode == HttpStatusCode.OK && (int)(await answer.OkJsonAsync())["scoredPeriods"]! == 2;
            },
            "the profile's second week scored and served in place of the copy the client has");
        using var businessChanged = await GetAsync(business, ownerKey, businessTag);

        Assert.Equal(HttpStatusCode.OK, businessChanged.StatusCode);
        Assert.NotEqual(businessTag, businessChanged.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task LeavesOutADeletedProfilesStateAndAnswers404ForIt()
    {
        var (businessId, ownerKey, profiles) = await host.NewBusinessAsync();
        var week = DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 1)[0];
        var snapshots = profiles.Select(p => ScoringHost.Snapshot(businessId, p.ProfileId, p.Shape.Network, week));
        Assert.Equal(HttpStatusCode.Accepted, await ScoringHost.PostCsvAsync(host.Client, businessId, ownerKey, DemoSnapshots.Csv(snapshots)));
        await host.WaitForBenchmarksAsync(businessId, ownerKey, profiles.Count, 1, TimeSpan.FromMinutes(1));
        var deleted = profiles[1].ProfileId;
        using var before = await GetAsync($"/api/businesses/{businessId}/benchmarks", ownerKey);

        using var deletion = await host.Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{businessId}/profiles/{deleted}", ownerKey);
        using var business = await GetAsync($"/api/businesses/{businessId}/benchmarks", ownerKey, before.Headers.ETag!.ToString());
        using var profile = await GetAsync($"/api/businesses/{businessId}/profiles/{deleted}/benchmarks", ownerKey);

        Assert.Equal(HttpStatusCode.NoContent, deletion.StatusCode);
        var listed = (await business.OkJsonAsync())["profiles"]!.AsArray().Select(p => (string)p!["profileId"]!).ToList();
        Assert.Equal(profiles.Select(p => p.ProfileId).Where(id => id != deleted).Order(), listed.Order());
        Assert.NotEqual(before.Headers.ETag, business.Headers.ETag);
        Assert.Contains(deleted, Assert.Single((await profile.ProblemAsync(HttpStatusCode.NotFound))["profileId"]), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string key, string? ifNoneMatch = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", key);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        return await host.Client.SendAsync(request, Cancel);
    }
}
