namespace Governance.Api.GraphQL.Limits;

/// <summary>Thrown by the request body once it passes <c>Api:Limits:MaxBodyBytes</c>; answered with 413.</summary>
public sealed class BodyTooLargeException : IOException
{
    public BodyTooLargeException()
        : base("The request body is larger than Api:Limits:MaxBodyBytes.")
    {
    }

    public BodyTooLargeException(string message)
        : base(message)
    {
    }

    public BodyTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
