using Governance.Etl.Loading;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Readers;

/// <summary>Refuses <c>Etl:Limits:*</c> settings that cannot work, each failure naming its setting.</summary>
internal sealed class ReadLimitsValidation : IValidateOptions<LoadingOptions>
{
    public ValidateOptionsResult Validate(string? name, LoadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Limits.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
