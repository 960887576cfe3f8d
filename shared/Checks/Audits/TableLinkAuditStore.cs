using Azure.Data.Tables;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Audits;

/// <summary>
/// Table <c>linkaudits</c>: PartitionKey = business id, RowKey = link id (a hash of the normalised URL). Read through the read
/// cache: a check that emails about a profile lists the pages linking to it, and the business's other transitions of the same
/// sweep reuse that listing.
/// </summary>
public sealed class TableLinkAuditStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<LinkAuditKey, LinkAuditEntry>(tables, TableName, cache), ILinkAuditStore
{
    public const string TableName = "linkaudits";

    protected override TableKey KeyOf(LinkAuditKey key) => new(key.BusinessId, key.LinkId);

    protected override LinkAuditKey RecordKey(LinkAuditEntry record) => record.Key;

    protected override void Write(LinkAuditEntry record, TableEntity entity)
    {
        entity["Url"] = record.Url.AbsoluteUri;
        entity["SiteId"] = record.SiteId;
        entity["Network"] = record.Network.Name();
        entity["IsProfile"] = record.IsProfile;
        entity["ProfileId"] = record.ProfileId;
        entity.SetLines("Pages", record.Pages.Select(p => p.AbsoluteUri).ToArray());
        if (record.LastCheck is { } last)
        {
            entity.SetJson("LastCheck", last);
        }

        entity.SetJson("Verdict", record.Verdict);
        entity["AuditedAt"] = record.AuditedAt;
    }

    protected override LinkAuditEntry Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.RowKey,
            new Uri(entity.GetRequiredString("Url")),
            entity.GetRequiredString("SiteId"),
            WireNames.Parse<Network>(entity.GetRequiredString("Network")),
            entity.GetBoolean("IsProfile") ?? false,
            entity.GetString("ProfileId"),
            entity.GetLines("Pages").Select(p => new Uri(p)).ToArray(),
            entity.GetString("LastCheck") is null ? null : entity.GetJson<CheckSummary>("LastCheck"),
            entity.GetJson<HealthVerdict>("Verdict"),
            entity.GetRequiredDateTimeOffset("AuditedAt"));
}
