using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace SocialWatch.Validation;

/// <summary>
/// Field checks shared by every request: each records what is wrong under the field's path and returns the value to
/// store (trimmed, normalised) or null when the field is at fault.
/// </summary>
public static class FieldRules
{
    public const int MaxUrlLength = 2048;
    public const int MaxEmailLength = 254;

    public static string? RequiredText(this ValidationErrors errors, string path, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "is required");
            return null;
        }

        return errors.OptionalText(path, value, maxLength);
    }

    public static string? OptionalText(this ValidationErrors errors, string path, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(path, $"must be at most {maxLength} characters (it has {text.Length})");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            errors.Add(path, "must not contain control characters");
            return null;
        }

        return text;
    }

    public static T? Required<T>(this ValidationErrors errors, string path, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(path, "is required");
        }

        return value;
    }

    public static T? Required<T>(this ValidationErrors errors, string path, T? value)
        where T : class
    {
        if (value is null)
        {
            errors.Add(path, "is required");
        }

        return value;
    }

    public static string? RequiredEmail(this ValidationErrors errors, string path, string? value) =>
        string.IsNullOrWhiteSpace(value) ? errors.RequiredText(path, value, MaxEmailLength) : errors.OptionalEmail(path, value);

    public static string? OptionalEmail(this ValidationErrors errors, string path, string? value)
    {
        var text = errors.OptionalText(path, value, MaxEmailLength);
        if (text is null)
        {
            return null;
        }

        // MailAddress also accepts display names ("Ann <ann@example.com>"); an address field holds the address alone.
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || text.Contains(' ', StringComparison.Ordinal) || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(path, "must be an email address such as owner@example.com");
            return null;
        }

        return text;
    }

    public static string? RequiredHttpUrl(this ValidationErrors errors, string path, string? value) =>
        string.IsNullOrWhiteSpace(value) ? errors.RequiredText(path, value, MaxUrlLength) : errors.OptionalHttpUrl(path, value);

    /// <summary>An absolute http or https URL with a host and no credentials in it.</summary>
    public static string? OptionalHttpUrl(this ValidationErrors errors, string path, string? value)
    {
        var text = errors.OptionalText(path, value, MaxUrlLength);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            errors.Add(path, "must be an absolute http or https URL such as https://example.com/");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            errors.Add(path, "must not carry a user name or password");
            return null;
        }

        return text;
    }

    /// <summary>A web origin (scheme, host and port only), as browsers send it in the Origin header: returned in that form.</summary>
    public static string? Origin(this ValidationErrors errors, string path, string? value)
    {
        var text = errors.RequiredText(path, value, MaxUrlLength);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0
            || uri.UserInfo.Length > 0 || uri.PathAndQuery != "/" || uri.Fragment.Length > 0)
        {
            errors.Add(path, "must be an origin: http or https, a host and an optional port, no path (https://www.example.com)");
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>An IANA time zone id spelled exactly (Europe/Paris); Windows ids are refused.</summary>
    public static string? TimeZone(this ValidationErrors errors, string path, string? value)
    {
        var text = errors.RequiredText(path, value, 64);
        if (text is null)
        {
            return null;
        }

        // The lookup may match another case from its cache: only the exact spelling is an id every system finds.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) || !zone.HasIanaId || zone.Id != text)
        {
            errors.Add(path, "must be an IANA time zone id, spelled exactly, such as Europe/Paris or America/New_York");
            return null;
        }

        return text;
    }

    /// <summary>A number within bounds; the bounds are part of the message so the caller knows what would pass.</summary>
    public static double? Number(this ValidationErrors errors, string path, double? value, double minimum, double maximum, bool minimumAllowed = false, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(path, "is required");
            }

            return null;
        }

        if (value < minimum || (value == minimum && !minimumAllowed) || value > maximum)
        {
            errors.Add(path, minimumAllowed
                ? string.Create(CultureInfo.InvariantCulture, $"must be from {minimum} to {maximum}")
                : string.Create(CultureInfo.InvariantCulture, $"must be more than {minimum} and at most {maximum}"));
            return null;
        }

        return value;
    }

    /// <summary>A date after today (today as the business's clock reads it).</summary>
    public static DateOnly? FutureDate(this ValidationErrors errors, string path, DateOnly? value, DateOnly today)
    {
        if (errors.Required(path, value) is not { } date)
        {
            return null;
        }

        if (date <= today)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be after today ({today:yyyy-MM-dd} in the business's time zone)"));
            return null;
        }

        return date;
    }

    /// <summary>Lowercase letters, digits and inner hyphens: ids that sit in URLs and table keys without escaping.</summary>
    public static bool IsSlug(string? value, int minLength, int maxLength) =>
        value is not null && value.Length >= minLength && value.Length <= maxLength
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';

    /// <summary>A slug made from free text: accents dropped, anything else than letters and digits becomes one hyphen.</summary>
    public static string Slugify(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString();
        return (slug.Length > maxLength ? slug[..maxLength] : slug).Trim('-');
    }
}
