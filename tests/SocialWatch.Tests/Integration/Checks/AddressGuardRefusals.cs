using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Fetching;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>
/// The SSRF guard at connect time. With loopback refused, nothing on this machine is reached, however it is spelt; with
/// loopback allowed (the fakes), a redirect or a name leading to a private, link-local or metadata address is refused
/// before any connection is attempted.
/// </summary>
public sealed class AddressGuardRefusals(FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    public static TheoryData<string> LoopbackSpellings => new()
    {
        "http://127.0.0.15:{port}/ok?id=direct",
        "http://localhost:{port}/ok?id=localhost",
        "http://[::1]:{port}/ok?id=v6",
        "http://[::ffff:127.0.0.15]:{port}/ok?id=mapped",
        "http://2130706447:{port}/ok?id=decimal",
        "http://0177.0.0.15:{port}/ok?id=octal",
        "http://0x7f.0.0.15:{port}/ok?id=hex",
        "http://flaky.test:{port}/ok?id=pinned-name",
    };

    public static TheoryData<string> PrivateRedirectTargets => new()
    {
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://100.64.0.1/",
        "http://192.168.1.1/admin",
        "http://[::ffff:10.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://0.0.0.0/",
        "http://metadata.internal.test/",
    };

    [Theory]
    [MemberData(nameof(LoopbackSpellings))]
    public async Task RefusesLoopbackHoweverItIsSpelt(string template)
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:AllowLoopback", "false")), environment: "Production");
        var url = new Uri(template.Replace("{port}", fakes.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var id = url.Query;

        var result = await services.GetRequiredService<ProfileChecker>().CheckAsync(new ProfileTarget(url), TestContext.Current.CancellationToken);

        Assert.Equal((CheckClass.Blocked, "refused-address"), (result.Class, result.Evidence.RuleId));
        Assert.Contains("Loopback", result.Evidence.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(fakes.Requests, r => r.PathAndQuery.EndsWith(id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PrivateRedirectTargets))]
    public async Task RefusesARedirectToAPrivateAddressBeforeConnecting(string target)
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:ResolveOverrides:metadata.internal.test", "169.254.169.254")));
        var url = fakes.Url("flaky.test", "/redirect?to=" + Uri.EscapeDataString(target));

        var result = await services.GetRequiredService<ProfileChecker>().CheckAsync(new ProfileTarget(url), TestContext.Current.CancellationToken);

        Assert.Equal((CheckClass.Blocked, "refused-address"), (result.Class, result.Evidence.RuleId));
        Assert.Equal([new Uri(target)], result.Evidence.Hops);
        Assert.True(result.Evidence.Elapsed < TimeSpan.FromSeconds(3), $"took {result.Evidence.Elapsed}: a connection was attempted (ConnectTimeout is 5 s)");
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://flaky.test/")]
    [InlineData("gopher://flaky.test:70/")]
    public async Task RefusesARedirectToAnotherScheme(string target)
    {
        using var services = ChecksServices.Build(fakes.Settings());
        var url = fakes.Url("flaky.test", "/redirect?to=" + Uri.EscapeDataString(target));

        var result = await services.GetRequiredService<ProfileChecker>().CheckAsync(new ProfileTarget(url), TestContext.Current.CancellationToken);

        Assert.Equal((CheckClass.Blocked, "refused-scheme"), (result.Class, result.Evidence.RuleId));
    }

    [Fact]
    public async Task ResolvesANameOnceAndRefusesItWhenAnyAddressIsPrivate()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:AllowLoopback", "false")), environment: "Production");
        var guard = services.GetRequiredService<AddressGuard>();

        var refusal = await Assert.ThrowsAsync<AddressRefusedException>(() => guard.ResolveAllowedAsync("localhost", TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(AddressKind.Loopback, refusal.Kind);
    }
}
