namespace Governance.Warehouse.Querying.Contracts;

/// <summary>
/// A request the warehouse cannot answer as asked (unknown indicator or area, malformed period, grain finer than the
/// indicator's). <see cref="Code"/> is the machine-readable code the API puts in the error's <c>extensions</c>.
/// </summary>
public sealed class QueryRuleException : Exception
{
    public const string UnknownIndicator = "UNKNOWN_INDICATOR";
    public const string UnknownArea = "UNKNOWN_AREA";
    public const string BadPeriod = "BAD_PERIOD";
    public const string GrainTooFine = "GRAIN_TOO_FINE";
    public const string BadRequest = "BAD_REQUEST";
    public const string Forbidden = "FORBIDDEN";

    public QueryRuleException()
        : this(BadRequest, "The request cannot be answered.")
    {
    }

    public QueryRuleException(string message)
        : this(BadRequest, message)
    {
    }

    public QueryRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = BadRequest;
    }

    public QueryRuleException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
