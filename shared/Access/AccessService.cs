using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SocialWatch.Businesses;
using SocialWatch.Storage;

namespace SocialWatch.Access;

/// <summary>Who is calling: the admin, or a business's key with its role.</summary>
public sealed record Caller(bool IsAdmin, string? BusinessId, string? KeyId, ApiKeyRole? Role)
{
    public static Caller Admin { get; } = new(true, null, null, null);

    public static Caller Key(ApiKeyRecord key) => new(false, key.BusinessId, key.KeyId, key.Role);

    /// <summary>A signed sign-in link: reads its one business, never writes.</summary>
    public static Caller Link(string businessId) => new(false, businessId, null, ApiKeyRole.Read);

    public bool IsLink => !IsAdmin && KeyId is null;
}

/// <summary>
/// What an endpoint requires. <see cref="Tenant"/> endpoints have a <c>{businessId}</c> in their route: a business key is
/// admitted only to its own business, and any other business (or a missing one) answers 404, never 403.
/// </summary>
public sealed record AccessRule(bool AdminOnly, bool Tenant, bool Write, bool AdmitsDeletingTenant = false)
{
    /// <summary>The admin key only; no business in the route (create and list businesses).</summary>
    public static AccessRule Admin { get; } = new(AdminOnly: true, Tenant: false, Write: true);

    /// <summary>The admin key only, on one business (its API keys); the business's own keys get 403.</summary>
    public static AccessRule TenantAdmin { get; } = new(AdminOnly: true, Tenant: true, Write: true);

    /// <summary>The admin key, or any key of the business.</summary>
    public static AccessRule TenantRead { get; } = new(AdminOnly: false, Tenant: true, Write: false);

    /// <summary>The admin key, or an owner key of the business; a read key gets 403.</summary>
    public static AccessRule TenantWrite { get; } = new(AdminOnly: false, Tenant: true, Write: true);

    /// <summary>As <see cref="TenantWrite"/>, and admitted while the business is being deleted, so a retry can finish the purge.</summary>
    public static AccessRule TenantDelete { get; } = new(AdminOnly: false, Tenant: true, Write: true, AdmitsDeletingTenant: true);
}

public enum AccessStatus
{
    Granted,
    Unauthenticated,
    Forbidden,
    NotFound,
}

public sealed record AccessDecision(AccessStatus Status, Caller? Caller, string Message)
{
    public static AccessDecision Granted(Caller caller) => new(AccessStatus.Granted, caller, string.Empty);

    public static AccessDecision Unauthenticated(string message) => new(AccessStatus.Unauthenticated, null, message);

    public static AccessDecision Forbidden(string message) => new(AccessStatus.Forbidden, null, message);

    public static AccessDecision NotFound() => new(AccessStatus.NotFound, null, "No business has this id.");
}

/// <summary>
/// Decides whether a presented key may call an endpoint. A business key costs one point read (its business and key ids
/// travel in it), done side by side with the read of the business in the route.
/// </summary>
public sealed class AccessService(IOptions<ApiOptions> options, IApiKeyStore keys, IBusinessStore businesses, SignInLinks links)
{
    public const string MissingKeyMessage = "An API key is required: send it in the x-api-key header, or as Authorization: Bearer <key>.";
    public const string InvalidKeyMessage = "The API key is not valid (unknown, revoked or malformed).";
    private const string AdminOnlyMessage = "Only the admin key may do this.";

    // Hashing both sides first makes the comparison constant-time whatever the lengths.
    private readonly byte[] adminKeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AdminKey));

    public async Task<AccessDecision> DecideAsync(string? presentedKey, AccessRule rule, string? businessId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return AccessDecision.Unauthenticated(MissingKeyMessage);
        }

        var isAdmin = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)), adminKeyHash);
        ApiKeyToken? token = null;
        if (!isAdmin && !ApiKeyToken.TryParse(presentedKey, out token))
        {
            return AccessDecision.Unauthenticated(InvalidKeyMessage);
        }

        var routeBusiness = rule.Tenant && BusinessRules.IsId(businessId) ? businessId : null;
        var business = routeBusiness is not null && (isAdmin || token!.BusinessId == routeBusiness)
            ? businesses.FindAsync(routeBusiness, cancellationToken)
            : Task.FromResult<Versioned<Business>?>(null);
        var key = isAdmin ? Task.FromResult<Versioned<ApiKeyRecord>?>(null) : keys.FindAsync(new ApiKeyId(token!.BusinessId, token.KeyId), cancellationToken);
        await Task.WhenAll(business, key);

        Caller caller;
        if (isAdmin)
        {
            caller = Caller.Admin;
        }
        else if (await key is { } record && token!.Matches(record.Value.SecretHash))
        {
            caller = Caller.Key(record.Value);
        }
        else
        {
            return AccessDecision.Unauthenticated(InvalidKeyMessage);
        }

        return Decide(rule, caller, await business);
    }

    /// <summary>
    /// A signed sign-in link from an email (see <see cref="SignInLinks"/>): read-only, for its own business only. A refused
    /// link answers 401 saying why (malformed, altered, expired, other purpose, other business); the secret never shows.
    /// </summary>
    public async Task<AccessDecision> DecideLinkAsync(string token, AccessRule rule, string? businessId, CancellationToken cancellationToken)
    {
        var check = links.Check(token, SignInLinks.DashboardPurpose);
        if (!check.IsValid)
        {
            return AccessDecision.Unauthenticated(check.Message);
        }

        if (rule.Tenant && check.BusinessId != businessId)
        {
            return AccessDecision.Unauthenticated($"This sign-in link is for business '{check.BusinessId}', not '{businessId}'.");
        }

        var business = rule.Tenant ? await businesses.FindAsync(check.BusinessId!, cancellationToken) : null;
        return Decide(rule, Caller.Link(check.BusinessId!), business);
    }

    private static AccessDecision Decide(AccessRule rule, Caller caller, Versioned<Business>? business)
    {
        if (!rule.Tenant)
        {
            return rule.AdminOnly && !caller.IsAdmin ? AccessDecision.Forbidden(AdminOnlyMessage) : AccessDecision.Granted(caller);
        }

        if (business is not { } tenant || (!tenant.Value.IsActive && !rule.AdmitsDeletingTenant))
        {
            return AccessDecision.NotFound();
        }

        if (rule.AdminOnly && !caller.IsAdmin)
        {
            return AccessDecision.Forbidden(AdminOnlyMessage);
        }

        return rule.Write && caller.Role == ApiKeyRole.Read
            ? AccessDecision.Forbidden(caller.IsLink ? "A sign-in link only reads: to change anything, use an owner key." : "A read key cannot change anything: use an owner key.")
            : AccessDecision.Granted(caller);
    }
}
