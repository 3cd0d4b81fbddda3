using Spectre.Console;

namespace Governance.Etl.Terminal;

/// <summary>The console an operator reads: colours and live progress on a terminal, plain wide text when output is redirected.</summary>
public static class OperatorConsole
{
    /// <summary>True when standard output is a terminal (not a pipe, a file or a test).</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected;

    public static IAnsiConsole Create(TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            // A pipe has no width; wide enough that a batch line never wraps.
            console.Profile.Width = 240;
        }

        return console;
    }

    public static IAnsiConsole ForStandardOutput() => Create(Console.Out, IsTerminal);
}
