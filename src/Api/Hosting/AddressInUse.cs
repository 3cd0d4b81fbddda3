using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace Governance.Api.Hosting;

/// <summary>
/// Start-up when the address the API listens on is taken (another program on port 5000): one line naming the address,
/// the port and how to choose another (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, setting <c>Urls</c>), exit code 2, and
/// no stack trace, neither from the host's "Hosting failed to start" log event nor from an unhandled exception.
/// </summary>
public static partial class AddressInUse
{
    /// <summary>The exit code when the address is taken: a configuration error, as for the <c>governance</c> command.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs the application; when Kestrel cannot bind because the address is in use, writes <see cref="Message"/> to stderr and returns <see cref="ExitCode"/>.</summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (Is(e))
        {
            await (error ?? Console.Error).WriteLineAsync(Message(e));
            return ExitCode;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is Kestrel's failure to bind an address another program holds.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one-line message: the address and port taken, and the settings that choose another.</summary>
    public static string Message(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = BoundAddress().Match(exception.Message);
        var address = match.Success ? match.Groups["address"].Value : null;
        var port = address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var what = port is null ? "The API's address is already in use" : $"Port {port} is already in use ({address})";
        return $"{what}: another program listens there. Stop it, or start the API on another port with --urls "
            + "(dotnet run --project src/Api -- --urls http://localhost:5080); without the launch profile, ASPNETCORE_URLS or the setting Urls.";
    }

    [GeneratedRegex(@"address (?<address>\w+://\S+?): address already in use", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundAddress();
}
