using System.Reflection;
using System.Text.Json.Serialization;

namespace SocialWatch;

/// <summary>
/// The wire names of enums: each member's <see cref="JsonStringEnumMemberNameAttribute"/>, the one spelling that JSON,
/// table properties and error messages use.
/// </summary>
public static class WireNames
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static IReadOnlyCollection<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.ByName.Keys;

    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(name ?? string.Empty, out value);

    /// <summary>Reads a stored name back; an unknown one means the stored data is corrupt, not that a caller erred.</summary>
    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name} (one of {string.Join(", ", All<TEnum>())}).");

    /// <summary>The wire names of any enum type, in declaration order (for messages about a value that is not one of them).</summary>
    public static IReadOnlyList<string> Of(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(NameOf).ToArray();

    private static string NameOf(FieldInfo field) => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToDictionary(v => v, v => NameOf(typeof(TEnum).GetField(v.ToString())!));

        public static readonly Dictionary<string, TEnum> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
