using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Rules;

/// <summary>
/// The dead-profile rules: versioned data (an embedded profile-rules.v*.json with its date and sources), validated when
/// loaded. Network differences live here, not in code: which URLs are profiles of which site, where a site's login walls
/// are, and how each answer is classified (common rules, then the site's, then the fallback ending in a catch-all).
/// </summary>
public sealed class ProfileRuleSet
{
    public const string EmbeddedName = "profile-rules.v1.json";

    // A guard against a pathological pattern in rule data, not a performance limit: inputs are URL paths and capped bodies that
    // match in microseconds, so the budget is wide enough that a descheduled thread on a busy machine never trips it.
    private static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(2);
    private static readonly Regex IdShape = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Placeholder = new("{([a-z]+)}", RegexOptions.CultureInvariant);
    private static readonly string[] Placeholders = ["origin", "host", "handle", "api"];

    // A misspelt member is an error, not a silently ignored condition.
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly IReadOnlyList<string> hostPrefixes;
    private readonly IReadOnlyList<string> trackingParameters;

    private ProfileRuleSet(int version, DateOnly date, IReadOnlyList<RuleSource> sources, IReadOnlyList<string> hostPrefixes, IReadOnlyList<string> trackingParameters)
    {
        Version = version;
        Date = date;
        Sources = sources;
        this.hostPrefixes = hostPrefixes;
        this.trackingParameters = trackingParameters;
    }

    public int Version { get; }

    public DateOnly Date { get; }

    public IReadOnlyList<RuleSource> Sources { get; }

    public IReadOnlyList<ProfileSite> Sites { get; private init; } = [];

    /// <summary>Rules tried before any site's own: bot challenges and other answers that prove nothing anywhere.</summary>
    public IReadOnlyList<ResponseRule> Common { get; private init; } = [];

    /// <summary>Rules tried after the site's own; the last matches every answer.</summary>
    public IReadOnlyList<ResponseRule> Fallback { get; private init; } = [];

    public static ProfileRuleSet LoadEmbedded()
    {
        var resource = $"SocialWatch.Checks.Rules.{EmbeddedName}";
        using var stream = typeof(ProfileRuleSet).Assembly.GetManifestResourceStream(resource)
            ?? throw new ProfileRulesException($"The profile rules resource {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), EmbeddedName);
    }

    /// <summary>Reads and validates rule data; every problem found is reported at once, naming where it is.</summary>
    /// <exception cref="ProfileRulesException">The data is malformed.</exception>
    public static ProfileRuleSet Parse(string json, string source)
    {
        RuleFileData data;
        try
        {
            data = JsonSerializer.Deserialize<RuleFileData>(json, ReadOptions) ?? throw new ProfileRulesException($"{source}: the file is empty (null).");
        }
        catch (JsonException e)
        {
            throw new ProfileRulesException($"{source}: not valid rule data: {e.Message}");
        }

        var compiler = new Compiler(source);
        var set = compiler.Compile(data);
        compiler.ThrowIfFailed();
        return set!;
    }

    public ProfileSite? Site(string id) => Sites.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lowercases a host and removes the prefixes the data lists (www., m., ...), so m.facebook.com is facebook.com.</summary>
    public string NormaliseHost(string host)
    {
        var normalised = host.ToLowerInvariant().TrimEnd('.');
        foreach (var prefix in hostPrefixes)
        {
            if (normalised.StartsWith(prefix, StringComparison.Ordinal) && normalised.Length > prefix.Length)
            {
                return normalised[prefix.Length..];
            }
        }

        return normalised;
    }

    /// <summary>Whether a query parameter only tracks the click (utm_*, fbclid...) and can be dropped.</summary>
    public bool IsTrackingParameter(string name) => trackingParameters.Any(p => p.EndsWith('*')
        ? name.StartsWith(p[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(name, p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The site a URL belongs to, from its host: a profile-shaped URL first, else any URL on a site's hosts (not a profile).
    /// Federated sites (any host) are recognised on an unknown host only when <paramref name="relMe"/> says the link is the owner's own.
    /// </summary>
    public SiteMatch? Recognise(Uri url, bool relMe = false)
    {
        if (!url.IsAbsoluteUri)
        {
            return null;
        }

        var host = NormaliseHost(url.IdnHost);
        var path = url.AbsolutePath;
        foreach (var site in Sites)
        {
            if (site.TryMatchProfile(host, path, anyHost: false, out var handle))
            {
                return new SiteMatch(site, handle, IsProfile: true);
            }
        }

        if (Sites.FirstOrDefault(s => s.HasHost(host)) is { } onHost)
        {
            return new SiteMatch(onHost, null, IsProfile: false);
        }

        return relMe ? MatchAnyHost(host, path, _ => true) : null;
    }

    /// <summary>The site whose rules check a profile: recognised from the URL, else a federated site of the declared network whose profile shape fits.</summary>
    public SiteMatch? Resolve(Uri url, Network? declared)
    {
        var recognised = Recognise(url);
        if (recognised is not null || declared is not { } network)
        {
            return recognised;
        }

        return MatchAnyHost(NormaliseHost(url.IdnHost), url.AbsolutePath, site => site.Network == network);
    }

    /// <summary>The id of the login-wall rule (of any site) a redirect target matches, or null.</summary>
    public string? LoginWallAt(Uri url)
    {
        var host = NormaliseHost(url.IdnHost);
        return Sites.Select(s => s.LoginWallAt(host, url.AbsolutePath)).FirstOrDefault(id => id is not null);
    }

    private SiteMatch? MatchAnyHost(string host, string path, Func<ProfileSite, bool> eligible)
    {
        foreach (var site in Sites.Where(s => s.AnyHost && eligible(s)))
        {
            if (site.TryMatchProfile(host, path, anyHost: true, out var handle))
            {
                return new SiteMatch(site, handle, IsProfile: true);
            }
        }

        return null;
    }

    /// <summary>Validates and compiles the data, collecting every failure with where it is.</summary>
    private sealed class Compiler(string source)
    {
        private readonly List<string> failures = [];
        private readonly HashSet<string> ruleIds = new(StringComparer.Ordinal);

        public void ThrowIfFailed()
        {
            if (failures.Count > 0)
            {
                throw new ProfileRulesException($"{source} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures));
            }
        }

        public ProfileRuleSet? Compile(RuleFileData data)
        {
            Require(data.Version >= 1, "version", "must be a positive integer");
            var dateValid = DateOnly.TryParseExact(data.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            Require(dateValid, "date", $"must be a yyyy-MM-dd date; it is '{data.Date}'");
            Require(data.Sources.Count > 0, "sources", "must name where the rules come from");
            for (var i = 0; i < data.Sources.Count; i++)
            {
                Require(!string.IsNullOrWhiteSpace(data.Sources[i].Name) && !string.IsNullOrWhiteSpace(data.Sources[i].Url), $"sources[{i}]", "needs a name and a url");
            }

            Require(data.HostPrefixes.All(p => p.Length > 1 && p.EndsWith('.')), "hostPrefixes", "entries must be labels ending in a dot (www.)");
            Require(data.TrackingParameters.All(p => p.Trim('*').Length > 0), "trackingParameters", "entries must be parameter names (a trailing * matches a prefix)");

            var common = CompileRules(data.Common, "common");
            var sites = data.Sites.Select((s, i) => CompileSite(s, $"sites[{s.Id ?? i.ToString(CultureInfo.InvariantCulture)}]")).ToList();
            var fallback = CompileRules(data.Fallback, "fallback");
            Require(fallback.Length > 0 && fallback[^1].IsCatchAll, "fallback", "must end with a rule stating no condition, so that every answer gets a class");
            Require(fallback.Take(fallback.Length - 1).Concat(common).Concat(sites.SelectMany(s => s?.Rules ?? [])).All(r => !r.IsCatchAll),
                "rules", "only the last fallback rule may state no condition");
            var siteIds = data.Sites.Select(s => s.Id).Where(id => id is not null).ToList();
            foreach (var duplicate in siteIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                failures.Add($"sites[{duplicate.Key}]: the id is used by {duplicate.Count()} sites");
            }

            return failures.Count > 0 ? null : new ProfileRuleSet(
                data.Version,
                date,
                data.Sources.Select(s => new RuleSource(s.Name!, s.Url!)).ToArray(),
                data.HostPrefixes.Select(p => p.ToLowerInvariant()).ToArray(),
                data.TrackingParameters.ToArray())
            {
                Sites = sites.Select(s => s!).ToArray(),
                Common = common,
                Fallback = fallback,
            };
        }

        private ProfileSite? CompileSite(SiteData site, string where)
        {
            var idValid = site.Id is not null && IdShape.IsMatch(site.Id);
            Require(idValid, where + ".id", $"must be lowercase words joined by hyphens; it is '{site.Id}'");
            var networkValid = Networks.TryParse(site.Network, out var network);
            Require(networkValid, where + ".network", $"must be one of {string.Join(", ", Networks.Names)}; it is '{site.Network}'");
            var hosts = Pattern(site.Hosts, where + ".hosts", required: true, ignoreCase: true);
            Require(site.Profiles.Count > 0, where + ".profiles", "must give at least one profile URL shape");
            var profiles = site.Profiles.Select((p, i) => CompileProfile(p, $"{where}.profiles[{i}]")).ToList();
            var walls = site.LoginWalls.Select((w, i) => CompileLoginWall(w, $"{where}.loginWalls[{w.Id ?? i.ToString(CultureInfo.InvariantCulture)}]")).ToList();
            var rules = CompileRules(site.Rules, where + ".rules");
            Uri? api = null;
            if (site.Api is not null)
            {
                Require(Uri.TryCreate(site.Api, UriKind.Absolute, out api) && (api.Scheme == Uri.UriSchemeHttp || api.Scheme == Uri.UriSchemeHttps),
                    where + ".api", $"must be an absolute http or https URL; it is '{site.Api}'");
            }

            if (site.Probe is not null)
            {
                var used = Placeholder.Matches(site.Probe).Select(m => m.Groups[1].Value).ToList();
                foreach (var unknown in used.Except(Placeholders))
                {
                    failures.Add($"{where}.probe: {{{unknown}}} is not a placeholder (use {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))})");
                }

                Require(!used.Contains("api") || api is not null, where + ".probe", "uses {api}, so the site needs an api origin");
                Require(!used.Contains("handle") || profiles.All(p => p is null || HasHandleGroup(p)), where + ".probe",
                    "uses {handle}, so every profile shape must capture (?<handle>...)");
                Require(used.Contains("origin") || used.Contains("api"), where + ".probe", "must start with {origin} or {api}");
            }

            if (!idValid || !networkValid || hosts is null || profiles.Any(p => p is null) || walls.Any(w => w is null))
            {
                return null;
            }

            return new ProfileSite(site.Id!, network, hosts, profiles.Select(p => p!).ToArray())
            {
                AnyHost = site.AnyHost,
                Probe = site.Probe,
                Api = api,
                LoginWalls = walls.Select(w => w!).ToArray(),
                Rules = rules,
            };
        }

        private static bool HasHandleGroup(ProfilePattern pattern) =>
            pattern.Path.GetGroupNames().Contains("handle") || pattern.Host?.GetGroupNames().Contains("handle") == true;

        private ProfilePattern? CompileProfile(ProfilePatternData profile, string where)
        {
            var host = Pattern(profile.Host, where + ".host", required: false, ignoreCase: true);
            var path = Pattern(profile.Path, where + ".path", required: true, ignoreCase: false);
            return path is null || (profile.Host is not null && host is null) ? null : new ProfilePattern(host, path);
        }

        private LoginWall? CompileLoginWall(LoginWallData wall, string where)
        {
            RuleId(wall.Id, where);
            Require(wall.Host is not null || wall.Path is not null, where, "needs a host or a path pattern");
            var host = Pattern(wall.Host, where + ".host", required: false, ignoreCase: true);
            var path = Pattern(wall.Path, where + ".path", required: false, ignoreCase: false);
            return wall.Id is null || (wall.Host is not null && host is null) || (wall.Path is not null && path is null) ? null : new LoginWall(wall.Id, host, path);
        }

        private ResponseRule[] CompileRules(List<ResponseRuleData> rules, string where) =>
            rules.Select((r, i) => CompileRule(r, $"{where}[{r.Id ?? i.ToString(CultureInfo.InvariantCulture)}]")).OfType<ResponseRule>().ToArray();

        private ResponseRule? CompileRule(ResponseRuleData rule, string where)
        {
            RuleId(rule.Id, where);
            Require(rule.Class is not null, where + ".class", "is required (alive, dead, moved, blocked, rate-limited or transient)");
            var statuses = new List<StatusPattern>();
            foreach (var status in rule.Status ?? [])
            {
                if (StatusPattern.TryParse(status, out var parsed))
                {
                    statuses.Add(parsed);
                }
                else
                {
                    failures.Add($"{where}.status: '{status}' is neither a status code (404) nor a status class (5xx)");
                }
            }

            Require(rule.Status is null || rule.Status.Count > 0, where + ".status", "must list at least one status when given");
            Require(rule.BodyContains is null || (rule.BodyContains.Count > 0 && rule.BodyContains.All(m => !string.IsNullOrWhiteSpace(m))),
                where + ".bodyContains", "must list non-empty markers when given");
            var finalHost = Pattern(rule.FinalHost, where + ".finalHost", required: false, ignoreCase: true);
            var finalPath = Pattern(rule.FinalPath, where + ".finalPath", required: false, ignoreCase: false);
            Require(rule.Header is null || !string.IsNullOrWhiteSpace(rule.Header.Name), where + ".header.name", "is required when a header condition is given");
            if (rule.Json is { } json)
            {
                Require(!string.IsNullOrWhiteSpace(json.Path) && json.Path.Split('.').All(p => p.Length > 0), where + ".json.path", $"must be a dotted property path; it is '{json.Path}'");
                Require(json.EqualTo is not null ^ json.Present is not null, where + ".json", "needs exactly one of equalTo and present");
            }

            Require(rule.MovedTo is null || rule.Class == CheckClass.Moved, where + ".movedTo", "only applies to a moved rule");
            var patternsValid = (rule.FinalHost is null || finalHost is not null) && (rule.FinalPath is null || finalPath is not null);
            if (rule.Id is null || rule.Class is null || !patternsValid)
            {
                return null;
            }

            return new ResponseRule(rule.Id, rule.Class.Value, rule.Why)
            {
                Statuses = statuses,
                BodyMarkers = (rule.BodyContains ?? []).Select(ResponseFacts.NormaliseText).ToArray(),
                Redirected = rule.Redirected,
                FinalHost = finalHost,
                FinalPath = finalPath,
                HeaderName = rule.Header?.Name,
                HeaderContains = rule.Header?.Contains,
                JsonPath = rule.Json?.Path,
                JsonEqualTo = rule.Json?.EqualTo,
                JsonPresent = rule.Json?.Present,
                RedirectedToOtherProfile = rule.RedirectedToOtherProfile,
                MovedToJsonPath = rule.MovedTo,
            };
        }

        private void RuleId(string? id, string where)
        {
            if (id is null || !IdShape.IsMatch(id))
            {
                failures.Add($"{where}.id: must be lowercase words joined by hyphens; it is '{id}'");
            }
            else if (!ruleIds.Add(id))
            {
                failures.Add($"{where}.id: '{id}' is already the id of another rule (ids name the rule in every result, so they are unique)");
            }
        }

        private Regex? Pattern(string? pattern, string where, bool required, bool ignoreCase)
        {
            if (pattern is null)
            {
                Require(!required, where, "is required");
                return null;
            }

            try
            {
                var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
                return new Regex(pattern, options, RegexBudget);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{where}: '{pattern}' is not a valid regular expression: {e.Message}");
                return null;
            }
        }

        private void Require(bool condition, string where, string message)
        {
            if (!condition)
            {
                failures.Add($"{where}: {message}");
            }
        }
    }
}

/// <summary>Where rule data comes from.</summary>
public sealed record RuleSource(string Name, string Url);
