using Governance.Etl.Validation;

namespace Governance.Etl.Tests.Validation;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("１２３", 123)]
    [InlineData("１，２００．５", 1200.5)]
    [InlineData(" -3 ", -3)]
    [InlineData("+7", 7)]
    [InlineData("12.345678", 12.3457)]
    public void ClerkSpellingsParse(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("约30")]
    [InlineData("12万")]
    [InlineData("N/A")]
    public void TextThatIsNoNumberDoesNotParse(string text) => Assert.False(NumberText.TryParse(text, out _));
}
