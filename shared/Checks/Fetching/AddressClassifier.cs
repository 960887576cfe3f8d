using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SocialWatch.Checks.Fetching;

/// <summary>The special-purpose ranges (IANA IPv4 and IPv6 special-purpose registries) an address can fall in.</summary>
public enum AddressKind
{
    /// <summary>Globally routable unicast: the only kind a checker of public pages may reach.</summary>
    Public,
    Unspecified,
    ThisNetwork,
    Loopback,
    Private,
    SharedCgnat,
    LinkLocal,
    UniqueLocal,
    SiteLocal,
    Multicast,
    Broadcast,
    Documentation,
    Benchmarking,
    ProtocolAssignments,
    Teredo,
    Nat64Local,
    Discard,
    Reserved,
}

/// <summary>
/// Classifies an address by the special-purpose range it belongs to. Addresses that embed an IPv4 address
/// (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are classified by the embedded address, so
/// <c>::ffff:127.0.0.1</c> or <c>64:ff9b::a9fe:a9fe</c> cannot smuggle loopback or cloud metadata past the guard.
/// </summary>
public static class AddressClassifier
{
    public static AddressKind Classify(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
        AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
        _ => AddressKind.Reserved,
    };

    private static AddressKind ClassifyV4(uint a)
    {
        if (a == 0xFFFFFFFF)
        {
            return AddressKind.Broadcast;
        }

        return (a >> 24) switch
        {
            0 => AddressKind.ThisNetwork,
            10 => AddressKind.Private,
            127 => AddressKind.Loopback,
            >= 224 and <= 239 => AddressKind.Multicast,
            >= 240 => AddressKind.Reserved,
            _ => ClassifyV4Prefixes(a),
        };
    }

    private static AddressKind ClassifyV4Prefixes(uint a)
    {
        if (In(a, 0x64400000, 10)) return AddressKind.SharedCgnat;          // 100.64.0.0/10
        if (In(a, 0xA9FE0000, 16)) return AddressKind.LinkLocal;            // 169.254.0.0/16, cloud metadata included
        if (In(a, 0xAC100000, 12)) return AddressKind.Private;              // 172.16.0.0/12
        if (In(a, 0xC0000000, 24)) return AddressKind.ProtocolAssignments;  // 192.0.0.0/24
        if (In(a, 0xC0000200, 24)) return AddressKind.Documentation;        // 192.0.2.0/24
        if (In(a, 0xC0586300, 24)) return AddressKind.Reserved;             // 192.88.99.0/24, the retired 6to4 relay anycast
        if (In(a, 0xC0A80000, 16)) return AddressKind.Private;              // 192.168.0.0/16
        if (In(a, 0xC6120000, 15)) return AddressKind.Benchmarking;         // 198.18.0.0/15
        if (In(a, 0xC6336400, 24)) return AddressKind.Documentation;        // 198.51.100.0/24
        if (In(a, 0xCB007100, 24)) return AddressKind.Documentation;        // 203.0.113.0/24
        return AddressKind.Public;
    }

    private static bool In(uint address, uint prefix, int length) => (address >> (32 - length)) == (prefix >> (32 - length));

    private static AddressKind ClassifyV6(byte[] b)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(0, 8));
        var low = BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(8, 8));
        var embeddedLast32 = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12, 4));

        if (high == 0)
        {
            return low switch
            {
                0 => AddressKind.Unspecified,
                1 => AddressKind.Loopback,
                _ when low >> 32 == 0xFFFF => ClassifyV4(embeddedLast32),   // ::ffff:a.b.c.d, IPv4-mapped
                _ when low >> 32 == 0 => ClassifyV4(embeddedLast32),        // ::a.b.c.d, IPv4-compatible (deprecated)
                _ => AddressKind.Reserved,
            };
        }

        if (high == 0x0064_FF9B_0000_0000 && low >> 32 == 0)
        {
            return ClassifyV4(embeddedLast32);                              // 64:ff9b::/96, NAT64 well-known prefix
        }

        var first16 = (ushort)(high >> 48);
        var first32 = (uint)(high >> 32);
        if (high >> 16 == 0x0064_FF9B_0001) return AddressKind.Nat64Local; // 64:ff9b:1::/48, local-use NAT64
        if (high == 0x0100_0000_0000_0000) return AddressKind.Discard;     // 100::/64
        if (first32 == 0x2001_0000) return AddressKind.Teredo;              // 2001::/32: the IPv4 inside is obfuscated, refuse it whole
        if (first32 == 0x2001_0DB8) return AddressKind.Documentation;       // 2001:db8::/32
        if (first16 == 0x2001 && (high >> 41) == (0x2001_0000_0000_0000UL >> 41)) return AddressKind.ProtocolAssignments; // 2001::/23
        if (first16 == 0x2002)
        {
            return ClassifyV4((uint)(high >> 16));                          // 2002::/16, 6to4 embeds an IPv4 in bits 16-47
        }

        if ((high >> 44) == 0x3FFF0) return AddressKind.Documentation;     // 3fff::/20
        if ((first16 & 0xFE00) == 0xFC00) return AddressKind.UniqueLocal;  // fc00::/7
        if ((first16 & 0xFFC0) == 0xFE80) return AddressKind.LinkLocal;    // fe80::/10
        if ((first16 & 0xFFC0) == 0xFEC0) return AddressKind.SiteLocal;    // fec0::/10
        if ((first16 & 0xFF00) == 0xFF00) return AddressKind.Multicast;    // ff00::/8
        return (first16 & 0xE000) == 0x2000 ? AddressKind.Public : AddressKind.Reserved; // only 2000::/3 is global unicast
    }
}
