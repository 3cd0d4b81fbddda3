using GraphQL;

namespace Governance.Api.GraphQL.Limits;

/// <summary>A GraphQL error that sets the HTTP status of the answer (403 forbidden, 408 timeout, 503 database unavailable, 400 limits).</summary>
public sealed class HttpStatusError : ExecutionError
{
    public HttpStatusError(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public HttpStatusError()
        : this(StatusCodes.Status400BadRequest, "BAD_REQUEST", "The request was refused.")
    {
    }

    public HttpStatusError(string message)
        : this(StatusCodes.Status400BadRequest, "BAD_REQUEST", message)
    {
    }

    public HttpStatusError(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
    }

    public int Status { get; }

    /// <summary>The status the first such error of a result asks for, or null.</summary>
    public static int? StatusOf(ExecutionResult result) =>
        result?.Errors?.OfType<HttpStatusError>().FirstOrDefault()?.Status;
}
