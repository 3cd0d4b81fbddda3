using Governance.Warehouse.Security;

namespace Governance.Api.Security;

/// <summary>Whether callers without credentials are served (on loopback only), and the scope they get: every area, in the configured role.</summary>
internal sealed record AnonymousAccess(bool Allowed, AccessScope Scope);
