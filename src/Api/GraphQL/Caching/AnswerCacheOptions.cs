using System.ComponentModel.DataAnnotations;

namespace Governance.Api.GraphQL.Caching;

/// <summary>Settings under <c>Api:AnswerCache</c>: the in-memory cache of serialized answers, keyed by the warehouse version.</summary>
public sealed class AnswerCacheOptions
{
    public const string Section = "Api:AnswerCache";

    /// <summary>False turns the cache off: every request executes (benchmarks, peer comparisons).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most memory the cached answers take, in megabytes (each entry counts its bytes plus a fixed overhead); past it the least recently used go first.</summary>
    [Range(1, 65_536, ErrorMessage = "Setting Api:AnswerCache:SizeLimitMegabytes must be between {1} and {2}.")]
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>Largest answer kept, in kilobytes; a larger one is answered and not kept.</summary>
    [Range(1, 1_048_576, ErrorMessage = "Setting Api:AnswerCache:MaxEntryKilobytes must be between {1} and {2}.")]
    public int MaxEntryKilobytes { get; set; } = 1_024;
}
