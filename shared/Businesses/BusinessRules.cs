using System.Security.Cryptography;
using SocialWatch.Validation;

namespace SocialWatch.Businesses;

/// <summary>What a business record must hold, and how its id is made.</summary>
public static class BusinessRules
{
    public const int MinIdLength = 3;
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 100;
    public const int MaxWebsites = 10;
    public const int MaxAllowedOrigins = 10;

    public static bool IsId(string? id) => FieldRules.IsSlug(id, MinIdLength, MaxIdLength);

    /// <summary>An id made from the name (Café Rosé &amp; Co → cafe-rose-co); a name without letters or digits gets a random one.</summary>
    public static string IdFromName(string name)
    {
        var slug = FieldRules.Slugify(name, MaxIdLength);
        return slug.Length >= MinIdLength ? slug : "business-" + RandomSuffix();
    }

    /// <summary>The same id made unique by a random tail, still within the length limit.</summary>
    public static string WithRandomSuffix(string id)
    {
        const int tail = 5;
        var stem = id.Length > MaxIdLength - tail ? id[..(MaxIdLength - tail)].TrimEnd('-') : id;
        return $"{stem}-{RandomSuffix()}";
    }

    /// <summary>Checks a body and, when it is valid, returns the business it describes (timestamps set to <paramref name="now"/>).</summary>
    public static Business? Validate(BusinessInput input, string id, DateTimeOffset now, ValidationErrors errors)
    {
        var name = errors.RequiredText("name", input.Name, MaxNameLength);
        var websites = List(errors, "websites", input.Websites, MaxWebsites, minimum: 1, (path, value) => errors.RequiredHttpUrl(path, value));
        var audience = errors.Required("audience", input.Audience);
        var timeZone = errors.TimeZone("timeZone", input.TimeZone);
        var owner = ValidatePerson(errors, "owner", input.Owner);
        var origins = input.AllowedOrigins is null ? [] : List(errors, "allowedOrigins", input.AllowedOrigins, MaxAllowedOrigins, minimum: 0, (path, value) => errors.Origin(path, value));

        return errors.IsEmpty
            ? new Business(id, name!, websites!, audience!.Value, timeZone!, owner!, origins!, now, now)
            : null;
    }

    public static Person? ValidatePerson(ValidationErrors errors, string path, PersonInput? input)
    {
        if (errors.Required(path, input) is not { } person)
        {
            return null;
        }

        var name = errors.RequiredText(ValidationErrors.Field(path, "name"), person.Name, MaxNameLength);
        var email = errors.RequiredEmail(ValidationErrors.Field(path, "email"), person.Email);
        return name is null || email is null ? null : new Person(name, email);
    }

    private static string[]? List(ValidationErrors errors, string path, IReadOnlyList<string?>? values, int maximum, int minimum, Func<string, string?, string?> check)
    {
        if (errors.Required(path, values) is not { } items)
        {
            return null;
        }

        if (items.Count < minimum || items.Count > maximum)
        {
            errors.Add(path, minimum > 0 ? $"must hold {minimum} to {maximum} items" : $"must hold at most {maximum} items");
            return null;
        }

        var checkedItems = items.Select((value, index) => check(ValidationErrors.Item(path, index), value)).ToArray();
        var distinct = checkedItems.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (distinct.Length != checkedItems.Count(i => i is not null))
        {
            errors.Add(path, "must not list the same item twice");
        }

        return checkedItems.All(i => i is not null) ? distinct : null;
    }

    private static string RandomSuffix() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 4);
}
