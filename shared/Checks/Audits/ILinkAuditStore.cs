using SocialWatch.Storage;

namespace SocialWatch.Checks.Audits;

/// <summary>The website link audit's findings by business; one business's links are one partition.</summary>
public interface ILinkAuditStore : IRecordStore<LinkAuditKey, LinkAuditEntry>;
