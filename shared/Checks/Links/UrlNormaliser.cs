using SocialWatch.Checks.Rules;

namespace SocialWatch.Checks.Links;

/// <summary>
/// One spelling per address, to compare and de-duplicate links: lowercase host without www./m. (per the rule data), no
/// default port, no fragment, no tracking parameters, no trailing slash, and https for the networks' own sites.
/// </summary>
public sealed class UrlNormaliser(ProfileRuleSet rules)
{
    public Uri Normalise(Uri url)
    {
        var builder = new UriBuilder(url)
        {
            Host = rules.NormaliseHost(url.IdnHost),
            Fragment = string.Empty,
            Query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !rules.IsTrackingParameter(Uri.UnescapeDataString(p.Split('=', 2)[0])))),
        };

        if (rules.Recognise(url) is not null && url.Scheme == Uri.UriSchemeHttp)
        {
            builder.Scheme = Uri.UriSchemeHttps;
            builder.Port = url.IsDefaultPort ? -1 : url.Port;
        }
        else if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        if (builder.Path.Length > 1)
        {
            builder.Path = builder.Path.TrimEnd('/');
        }

        return builder.Uri;
    }
}
