using Governance.Etl.Loading;

namespace Governance.Etl.Tests.Loading;

public sealed class CopyTextRowTests
{
    [Fact]
    public void FieldsAreTabSeparatedNullsAreBackslashNAndSpecialCharactersAreEscaped()
    {
        var row = new CopyTextRow();
        row.Start();
        row.Add(42L);
        row.Add((string?)null);
        row.Add(-7);
        row.Add((int?)null);
        row.Add(1234.5600m);
        row.Add("a\tb\nc\rd\\e \\N 万元");
        row.Add(string.Empty);
        row.End();

        Assert.Equal("42\t\\N\t-7\t\\N\t1234.5600\ta\\tb\\nc\\rd\\\\e \\\\N 万元\t\n", row.Text.ToString());
    }

    [Fact]
    public void ARowLongerThanTheBufferGrowsIt()
    {
        var row = new CopyTextRow();
        var text = new string('x', 300);
        row.Start();
        row.Add(text);
        row.Add(text);
        row.Add(123456789012345L);
        row.End();

        Assert.Equal(text + "\t" + text + "\t123456789012345\n", row.Text.ToString());
    }
}
