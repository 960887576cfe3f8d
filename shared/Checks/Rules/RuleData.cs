using System.Text.Json;

namespace SocialWatch.Checks.Rules;

// The shape of profile-rules.v*.json as written. Read with unknown members refused, then validated and compiled into
// ProfileRuleSet; nothing outside this folder sees these classes.

internal sealed class RuleFileData
{
    public int Version { get; set; }

    public string? Date { get; set; }

    public string? Description { get; set; }

    public List<RuleSourceData> Sources { get; set; } = [];

    public List<string> HostPrefixes { get; set; } = [];

    public List<string> TrackingParameters { get; set; } = [];

    public List<ResponseRuleData> Common { get; set; } = [];

    public List<SiteData> Sites { get; set; } = [];

    public List<ResponseRuleData> Fallback { get; set; } = [];
}

internal sealed class RuleSourceData
{
    public string? Name { get; set; }

    public string? Url { get; set; }
}

internal sealed class SiteData
{
    public string? Id { get; set; }

    public string? Network { get; set; }

    public string? Notes { get; set; }

    public string? Hosts { get; set; }

    public bool AnyHost { get; set; }

    public List<ProfilePatternData> Profiles { get; set; } = [];

    public string? Probe { get; set; }

    public string? Api { get; set; }

    public List<LoginWallData> LoginWalls { get; set; } = [];

    public List<ResponseRuleData> Rules { get; set; } = [];
}

internal sealed class ProfilePatternData
{
    public string? Host { get; set; }

    public string? Path { get; set; }
}

internal sealed class LoginWallData
{
    public string? Id { get; set; }

    public string? Host { get; set; }

    public string? Path { get; set; }
}

internal sealed class ResponseRuleData
{
    public string? Id { get; set; }

    public CheckClass? Class { get; set; }

    public string? Why { get; set; }

    public List<string>? Status { get; set; }

    public List<string>? BodyContains { get; set; }

    public bool? Redirected { get; set; }

    public string? FinalHost { get; set; }

    public string? FinalPath { get; set; }

    public HeaderConditionData? Header { get; set; }

    public JsonConditionData? Json { get; set; }

    public bool? RedirectedToOtherProfile { get; set; }

    public string? MovedTo { get; set; }
}

internal sealed class HeaderConditionData
{
    public string? Name { get; set; }

    public string? Contains { get; set; }
}

internal sealed class JsonConditionData
{
    public string? Path { get; set; }

    public JsonElement? EqualTo { get; set; }

    public bool? Present { get; set; }
}
