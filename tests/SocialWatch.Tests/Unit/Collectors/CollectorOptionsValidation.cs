using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class CollectorOptionsValidation
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddCollectors(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public void RegistersTheReadersWithDefaultLimits()
    {
        using var services = Services();

        Assert.NotNull(services.GetRequiredService<FeedReader>());
        Assert.NotNull(services.GetRequiredService<MastodonReader>());
        Assert.NotNull(services.GetRequiredService<BlueskyReader>());
        Assert.Equal(500, services.GetRequiredService<IOptions<CollectorOptions>>().Value.MaxItems);
    }

    [Theory]
    [InlineData("SocialWatch:Collectors:MaxItems", "0", "MaxItems")]
    [InlineData("SocialWatch:Collectors:MaxFeedBytes", "100", "MaxFeedBytes")]
    [InlineData("SocialWatch:Collectors:MastodonPageSize", "80", "MastodonPageSize")]
    [InlineData("SocialWatch:Collectors:BlueskyAppView", "ftp://bsky.example", "BlueskyAppView")]
    public void RefusesALimitOutOfRangeNamingIt(string key, string value, string named)
    {
        using var services = Services((key, value));

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CollectorOptions>>().Value);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }
}
