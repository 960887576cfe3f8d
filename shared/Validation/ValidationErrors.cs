namespace SocialWatch.Validation;

/// <summary>
/// What is wrong with a request, keyed by the JSON path of the field at fault (<c>networks[0].postsPerWeek</c>);
/// <c>$</c> is the body as a whole. Validation collects every fault before anything is written.
/// </summary>
public sealed class ValidationErrors
{
    public const string Body = "$";

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            messages = [];
            errors[path] = messages;
        }

        messages.Add(message);
    }

    public bool Has(string path) => errors.ContainsKey(path);

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string[]> Single(string path, string message) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] };

    /// <summary>The path of a property under a parent path (<c>owner</c> + <c>email</c> = <c>owner.email</c>).</summary>
    public static string Field(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of an array item (<c>networks</c> + 0 = <c>networks[0]</c>).</summary>
    public static string Item(string array, int index) => $"{array}[{index}]";
}
