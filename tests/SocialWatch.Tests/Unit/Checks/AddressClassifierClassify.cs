using System.Net;
using SocialWatch.Checks.Fetching;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class AddressClassifierClassify
{
    public static TheoryData<string, AddressKind> Addresses => new()
    {
        { "93.184.215.14", AddressKind.Public },
        { "8.8.8.8", AddressKind.Public },
        { "0.0.0.0", AddressKind.ThisNetwork },
        { "0.1.2.3", AddressKind.ThisNetwork },
        { "10.0.0.1", AddressKind.Private },
        { "10.255.255.255", AddressKind.Private },
        { "100.63.255.255", AddressKind.Public },
        { "100.64.0.1", AddressKind.SharedCgnat },
        { "100.127.255.255", AddressKind.SharedCgnat },
        { "100.128.0.0", AddressKind.Public },
        { "127.0.0.1", AddressKind.Loopback },
        { "127.255.255.254", AddressKind.Loopback },
        { "169.254.169.254", AddressKind.LinkLocal },
        { "169.254.0.1", AddressKind.LinkLocal },
        { "172.15.255.255", AddressKind.Public },
        { "172.16.0.1", AddressKind.Private },
        { "172.31.255.255", AddressKind.Private },
        { "172.32.0.0", AddressKind.Public },
        { "192.0.0.8", AddressKind.ProtocolAssignments },
        { "192.0.2.1", AddressKind.Documentation },
        { "192.88.99.1", AddressKind.Reserved },
        { "192.168.1.1", AddressKind.Private },
        { "198.18.0.1", AddressKind.Benchmarking },
        { "198.19.255.255", AddressKind.Benchmarking },
        { "198.51.100.7", AddressKind.Documentation },
        { "203.0.113.9", AddressKind.Documentation },
        { "224.0.0.1", AddressKind.Multicast },
        { "239.255.255.250", AddressKind.Multicast },
        { "240.0.0.1", AddressKind.Reserved },
        { "255.255.255.255", AddressKind.Broadcast },
        { "2606:2800:220:1::1", AddressKind.Public },
        { "2a00:1450:4001:80b::200e", AddressKind.Public },
        { "::", AddressKind.Unspecified },
        { "::1", AddressKind.Loopback },
        { "::ffff:127.0.0.1", AddressKind.Loopback },
        { "::ffff:10.1.2.3", AddressKind.Private },
        { "::ffff:169.254.169.254", AddressKind.LinkLocal },
        { "::ffff:8.8.8.8", AddressKind.Public },
        { "::127.0.0.1", AddressKind.Loopback },
        { "::10.0.0.1", AddressKind.Private },
        { "64:ff9b::a9fe:a9fe", AddressKind.LinkLocal },
        { "64:ff9b::7f00:1", AddressKind.Loopback },
        { "64:ff9b::808:808", AddressKind.Public },
        { "64:ff9b:1::1", AddressKind.Nat64Local },
        { "100::1", AddressKind.Discard },
        { "2001::1", AddressKind.Teredo },
        { "2001:2::1", AddressKind.ProtocolAssignments },
        { "2001:db8::1", AddressKind.Documentation },
        { "2002:7f00:1::", AddressKind.Loopback },
        { "2002:a9fe:a9fe::1", AddressKind.LinkLocal },
        { "2002:808:808::1", AddressKind.Public },
        { "3fff::1", AddressKind.Documentation },
        { "fc00::1", AddressKind.UniqueLocal },
        { "fd12:3456:789a::1", AddressKind.UniqueLocal },
        { "fe80::1", AddressKind.LinkLocal },
        { "febf::1", AddressKind.LinkLocal },
        { "fec0::1", AddressKind.SiteLocal },
        { "ff02::1", AddressKind.Multicast },
        { "4000::1", AddressKind.Reserved },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void PutsEachAddressInItsRange(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("0x7f.1", "127.0.0.1")]
    public void SeesThroughOtherSpellingsOfLoopback(string spelling, string canonical)
    {
        var parsed = IPAddress.Parse(spelling);

        Assert.Equal(IPAddress.Parse(canonical), parsed);
        Assert.Equal(AddressKind.Loopback, AddressClassifier.Classify(parsed));
    }

    [Theory]
    [InlineData(AddressKind.Public, false, true)]
    [InlineData(AddressKind.Loopback, false, false)]
    [InlineData(AddressKind.Loopback, true, true)]
    [InlineData(AddressKind.Private, true, false)]
    [InlineData(AddressKind.LinkLocal, true, false)]
    public void AllowsOnlyPublicAndOptInLoopback(AddressKind kind, bool allowLoopback, bool allowed) =>
        Assert.Equal(allowed, AddressGuard.IsAllowed(kind, new FetchOptions { AllowLoopback = allowLoopback }));
}
