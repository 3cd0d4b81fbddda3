using System.ComponentModel.DataAnnotations;

namespace Governance.Api.GraphQL.Limits;

/// <summary>Settings under <c>Api:Limits</c>: what one request may ask, each refused with a 4xx and a clear error.</summary>
public sealed class LimitOptions
{
    public const string Section = "Api:Limits";

    /// <summary>Largest request body in bytes (413 above it).</summary>
    [Range(1_024, 100_000_000)]
    public long MaxBodyBytes { get; set; } = 1_000_000;

    /// <summary>Longest GraphQL document in characters, checked before parsing.</summary>
    [Range(100, 10_000_000)]
    public int MaxDocumentLength { get; set; } = 20_000;

    /// <summary>Deepest AST nesting the parser accepts (stack guard: 10,000 open braces is a 400, not a crash).</summary>
    [Range(16, 10_000)]
    public int MaxParserDepth { get; set; } = 500;

    /// <summary>Deepest field nesting of a query (the root field is depth 1).</summary>
    [Range(2, 1_000)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most aliased fields in one document.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 50;

    /// <summary>Highest complexity: each field costs 1, times the page sizes (<c>first</c>) of the list fields above it.</summary>
    [Range(10, 100_000_000)]
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>Largest <c>first</c> any list field may ask, refused before execution (connections also cap their own page size, 1,000).</summary>
    [Range(1, 100_000)]
    public int MaxPageSize { get; set; } = 10_000;

    /// <summary>Size assumed for a list field without <c>first</c>, in the complexity.</summary>
    [Range(1, 100_000)]
    public int DefaultListSize { get; set; } = 100;

    /// <summary>Seconds a request may execute before it is cancelled, database queries included.</summary>
    [Range(1, 3_600)]
    public int ExecutionTimeoutSeconds { get; set; } = 30;

    /// <summary>Requests per principal (key, token subject, or address for anonymous callers) per minute; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Count <see cref="RequestsPerMinute"/> in the warehouse (<c>sec_request_count</c> on the primary), so that every API
    /// instance on it enforces one limit per caller; false: each process counts alone. Null: on for PostgreSQL and SQL
    /// Server, off for SQLite (one process, whose loads hold the file's write lock).
    /// </summary>
    public bool? ShareRequestCounts { get; set; }

    /// <summary>Requests one principal (key, token, or address without credentials) may have running at once; 0 turns the limit off.</summary>
    [Range(0, 10_000)]
    public int ConcurrentRequestsPerCaller { get; set; } = 4;

    /// <summary>Requests of a principal past <see cref="ConcurrentRequestsPerCaller"/> that wait for a running one to end (oldest first); the rest are 429.</summary>
    [Range(0, 1_000)]
    public int ConcurrentRequestsQueue { get; set; } = 2;

    /// <summary>Failed authentications (unknown key, bad token) per client address per minute; past it, attempts are 429 without a key lookup. 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>Most periods (at the request's grain, from..to) an observations or growth request may ask for.</summary>
    [Range(1, 100_000)]
    public int MaxPeriods { get; set; } = 240;

    /// <summary>Most cells (areas at the level within the area, times periods, times indicators) an observations or growth request may ask for.</summary>
    [Range(1, 10_000_000_000)]
    public long MaxCells { get; set; } = 5_000_000;

    /// <summary>Roles that may run introspection, comma-separated; anonymous callers everywhere but in Production. Null: analyst, operator, admin in Production, every role elsewhere.</summary>
    public string? IntrospectionRoles { get; set; }

    /// <summary>Folder of trusted documents (<c>*.graphql</c>, identified by the SHA-256 of their text) for keys restricted to them.</summary>
    public string? TrustedDocumentsPath { get; set; }
}
