using System.Globalization;
using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>
/// A file that cannot be read as what its name says (a damaged workbook, a legacy .xls) or that is past a bound of
/// <see cref="ReadLimits"/>; the file is rejected whole under <see cref="Rule"/>, and the message says what to do.
/// </summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException()
    {
    }

    public UnreadableFileException(string message)
        : base(message)
    {
    }

    public UnreadableFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnreadableFileException(string message, string rule, Exception? innerException = null)
        : base(message, innerException)
    {
        Rule = rule;
    }

    /// <summary>The etl_reject rule: <c>file_unreadable</c>, or <c>file_too_large</c> for a file past a bound.</summary>
    public string Rule { get; } = RejectRule.FileUnreadable;

    /// <summary>A file past the bound of <paramref name="setting"/> (a <see cref="ReadLimits"/> property name).</summary>
    public static UnreadableFileException TooLarge(string what, string setting, long limit) => new(
        string.Create(CultureInfo.InvariantCulture, $"文件超出上限：{what}，上限 {limit:N0}（设置 {ReadLimits.Setting(setting)}）/ file past a bound: {what}; the limit is {limit:N0} (setting {ReadLimits.Setting(setting)})"),
        RejectRule.FileTooLarge);
}
