using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SocialWatch.Storage;
using SocialWatch.Validation;

namespace SocialWatch.Businesses;

/// <summary>
/// Creates, lists, changes and deletes businesses. Deleting first marks the business <see cref="BusinessStatus.Deleting"/>
/// (from then on it answers 404 everywhere), then purges every <see cref="ITenantData"/>, then removes the record: a failure
/// half-way leaves an invisible tenant that the next DELETE (or a create of the same id) finishes purging.
/// </summary>
public sealed partial class BusinessService(IBusinessStore businesses, IEnumerable<ITenantData> tenantData, TimeProvider time, ILogger<BusinessService> logger)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    // An unconditional change that loses a race with another writer reads again and retries, a few times.
    private const int UnconditionalAttempts = 3;

    public async Task<Outcome<Business>> CreateAsync(BusinessInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var idGiven = input.Id is not null;
        if (idGiven && !BusinessRules.IsId(input.Id))
        {
            errors.Add("id", $"must be {BusinessRules.MinIdLength} to {BusinessRules.MaxIdLength} lowercase letters, digits and inner hyphens");
        }

        var id = input.Id ?? BusinessRules.IdFromName(input.Name ?? string.Empty);
        var business = BusinessRules.Validate(input, id, time.GetUtcNow(), errors);
        if (business is null)
        {
            return Outcome.Invalid<Business>(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await businesses.FindAsync(business.Id, cancellationToken);
            if (existing is null)
            {
                // Rows left under this id by an interrupted delete must not leak into the new tenant.
                await PurgeTenantDataAsync(business.Id, cancellationToken);
                var inserted = await businesses.InsertAsync(business, cancellationToken);
                if (inserted.Status == WriteStatus.Written)
                {
                    LogCreated(business.Id);
                    return Outcome.Created<Business>(business, inserted.Version!);
                }
            }

            if (idGiven)
            {
                return Outcome.Conflict<Business>("id", existing is { Value.IsActive: false }
                    ? "belongs to a business being deleted: repeat its DELETE to finish, then create it again"
                    : "is taken by another business");
            }

            if (attempt == UnconditionalAttempts)
            {
                return Outcome.Conflict<Business>("id", "no free id could be made from the name: give one");
            }

            business = business with { Id = BusinessRules.WithRandomSuffix(id) };
        }
    }

    public async Task<Outcome<Page<Business>>> ListAsync(string? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add("pageSize", $"must be a whole number from 1 to {MaxPageSize}");
        }

        var token = DecodeContinuation(continuation);
        if (!string.IsNullOrEmpty(continuation) && token is null)
        {
            errors.Add("continuation", "is not a continuation token this API returned");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<Page<Business>>(errors);
        }

        var page = await businesses.ListActiveAsync(size, token, cancellationToken);
        return Outcome.Ok<Page<Business>>(new Page<Business>(page.Items.Select(b => b.Value).ToArray(), EncodeContinuation(page.Continuation)));
    }

    public async Task<Outcome<Business>> GetAsync(string id, CancellationToken cancellationToken) =>
        await businesses.FindAsync(id, cancellationToken) is { Value.IsActive: true } business
            ? Outcome.Ok<Business>(business.Value, business.Version)
            : NotFound<Business>();

    public async Task<Outcome<Business>> ReplaceAsync(string id, BusinessInput input, VersionCondition condition, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (input.Id is not null && input.Id != id)
        {
            errors.Add("id", $"must be {id} or left out: a business keeps its id");
        }

        var replacement = BusinessRules.Validate(input, id, time.GetUtcNow(), errors);
        if (replacement is null)
        {
            return Outcome.Invalid<Business>(errors);
        }

        return await ChangeActiveAsync(id, condition, current => replacement with { CreatedAt = current.CreatedAt }, cancellationToken);
    }

    public async Task<Outcome<Removed>> DeleteAsync(string id, VersionCondition condition, CancellationToken cancellationToken)
    {
        var current = await businesses.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound<Removed>();
        }

        // A business already being deleted is past its preconditions: this call finishes the purge.
        if (current.Value.IsActive)
        {
            var marked = await ChangeActiveAsync(id, condition, b => b with { Status = BusinessStatus.Deleting, UpdatedAt = time.GetUtcNow() }, cancellationToken);
            if (!marked.Succeeded)
            {
                return marked.Failure<Removed>();
            }
        }

        await PurgeTenantDataAsync(id, cancellationToken);
        await businesses.DeleteAsync(id, null, cancellationToken);
        LogDeleted(id);
        return Outcome.Ok<Removed>(new Removed(id));
    }

    /// <summary>The 404 for a business id: the same whether it never existed, is being deleted, or belongs to someone else.</summary>
    public static Outcome<T> NotFound<T>() => Outcome.NotFound<T>("businessId", "No business has this id.");

    /// <summary>Read, check the precondition, write at the version read: a business marked for deletion is never written back as active.</summary>
    private async Task<Outcome<Business>> ChangeActiveAsync(string id, VersionCondition condition, Func<Business, Business> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await businesses.FindAsync(id, cancellationToken);
            if (current is not { Value.IsActive: true })
            {
                return NotFound<Business>();
            }

            if (!condition.IsSatisfiedBy(current.Version))
            {
                return Outcome.VersionMismatch<Business>();
            }

            var changed = change(current.Value) with { UpdatedAt = time.GetUtcNow() };
            var written = await businesses.ReplaceAsync(changed, current.Version, cancellationToken);
            switch (written.Status)
            {
                case WriteStatus.Written:
                    return Outcome.Ok<Business>(changed, written.Version);
                case WriteStatus.VersionMismatch when !condition.IsConditional && attempt < UnconditionalAttempts:
                    continue;
                case WriteStatus.VersionMismatch:
                    return Outcome.VersionMismatch<Business>();
                default:
                    return NotFound<Business>();
            }
        }
    }

    private Task PurgeTenantDataAsync(string id, CancellationToken cancellationToken) =>
        Task.WhenAll(tenantData.Select(data => data.DeleteTenantAsync(id, cancellationToken)));

    // The storage SDK's token is opaque text; base64url keeps it safe in a query string and tells a forged one apart.
    private static string? EncodeContinuation(string? token) => token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? DecodeContinuation(string? continuation)
    {
        if (string.IsNullOrEmpty(continuation) || !Base64Url.IsValid(continuation))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(continuation));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Business {BusinessId} created")]
    private partial void LogCreated(string businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Business {BusinessId} deleted with all its data")]
    private partial void LogDeleted(string businessId);
}
