using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>Who may call an HTTP function; a function without an <see cref="CalledByAttribute"/> is admin-only (fail closed).</summary>
public enum ApiCaller
{
    /// <summary>Anyone, without a key (health, this API's description, the widget script, the dashboard's files).</summary>
    Anyone,

    /// <summary>The admin key only.</summary>
    Admin,

    /// <summary>The business's keys and sign-in links, and the admin key.</summary>
    TenantRead,

    /// <summary>The business's writing keys, and the admin key.</summary>
    TenantWrite,

    /// <summary>As <see cref="TenantWrite"/>, and still admitted while the business is being deleted.</summary>
    TenantDelete,

    /// <summary>The admin key, for one business (its keys).</summary>
    TenantAdmin,
}

/// <summary>Declares who may call an HTTP function: <see cref="ApiKeys"/> enforces it, the OpenAPI document describes it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CalledByAttribute(ApiCaller caller) : Attribute
{
    public ApiCaller Caller { get; } = caller;

    /// <summary>The rule the key check applies; null for <see cref="ApiCaller.Anyone"/>.</summary>
    public AccessRule? Rule => Caller switch
    {
        ApiCaller.Anyone => null,
        ApiCaller.Admin => AccessRule.Admin,
        ApiCaller.TenantRead => AccessRule.TenantRead,
        ApiCaller.TenantWrite => AccessRule.TenantWrite,
        ApiCaller.TenantDelete => AccessRule.TenantDelete,
        ApiCaller.TenantAdmin => AccessRule.TenantAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(Caller), Caller, "Not a caller."),
    };
}

/// <summary>Declares the JSON body an HTTP function reads (with <see cref="JsonBody"/>), for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

/// <summary>Declares that an HTTP function honours If-Match (read with <see cref="IfMatch"/>), for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IfMatchAttribute : Attribute;

/// <summary>Declares a query parameter an HTTP function reads, for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool Required { get; init; }
}

/// <summary>Leaves an HTTP function out of the OpenAPI document: it serves no operation of its own (a fallback).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UndocumentedAttribute : Attribute;
