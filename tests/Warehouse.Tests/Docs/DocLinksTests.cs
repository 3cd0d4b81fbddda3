using Governance.TestSupport;

namespace Governance.Warehouse.Tests.Docs;

public sealed class DocLinksTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("governance-doclinks-");

    [Fact]
    public void EveryRelativeLinkInTheRepositoryDocsPointsAtAnExistingFileAndHeading()
    {
        var broken = DocLinks.Broken(Repository.Root);

        Assert.True(broken.Count == 0, "Broken links:" + Environment.NewLine + string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void TheCheckReadsTheReadmeAndEveryPageOfDocs()
    {
        var documents = DocLinks.Documents(Repository.Root).Select(d => d.RelativePath).ToList();
        var pages = Directory.GetFiles(Repository.PathOf("docs"), "*.md")
            .Select(p => "docs/" + Path.GetFileName(p))
            .Prepend("README.md");

        Assert.All(pages, page => Assert.Contains(page, documents));
        Assert.Contains(
            DocLinks.Documents(Repository.Root).Single(d => d.RelativePath == "README.md").RelativeLinks(),
            link => link.Path == "docs/etl.md");
    }

    [Fact]
    public void AMissingFileAndAMissingHeadingAreReportedWithTheFileAndLink()
    {
        Write("README.md", "# Top", "See [etl](docs/etl.md#exit-codes), [gone](docs/gone.md) and [self](#top).");
        Write("docs/etl.md", "# ETL", "## Exit codes", "Back to [the front page](../README.md#nowhere).");

        Assert.Equal(
            [
                "README.md:2: [gone](docs/gone.md): no file docs/gone.md",
                "docs/etl.md:3: [the front page](../README.md#nowhere): no heading #nowhere in README.md",
            ],
            DocLinks.Broken(_folder.FullName));
    }

    [Fact]
    public void LinksInCodeAndLinksWithASchemeAreNotChecked()
    {
        Write(
            "README.md",
            "Run `[x](missing.md)` or read [the spec](https://example.org/missing.md) or [mail](mailto:a@b.c).",
            "```",
            "[y](also-missing.md)",
            "```",
            "A file in build output is not read:");
        Write("src/bin/notes.md", "[z](missing.md)");

        Assert.Empty(DocLinks.Broken(_folder.FullName));
    }

    [Theory]
    [InlineData("Limits (`Api:Limits:*`)", "limits-apilimits")]
    [InlineData("Scheduled loads (inbox)", "scheduled-loads-inbox")]
    [InlineData("Re-runs, restatements, crashes", "re-runs-restatements-crashes")]
    [InlineData("See [etl.md](etl.md) first", "see-etlmd-first")]
    [InlineData("Weak villages 薄弱村", "weak-villages-薄弱村")]
    [InlineData("fct_indicator_value", "fct_indicator_value")]
    public void HeadingsGetGitHubAnchors(string title, string anchor)
    {
        Assert.Equal(anchor, MarkdownDocument.Slug(title));
    }

    [Fact]
    public void ARepeatedHeadingGetsANumberedAnchor()
    {
        var document = new MarkdownDocument("a.md", ["# Figures", "## Figures", "### Figures", "```", "# Figures", "```"]);

        Assert.Equal(["figures", "figures-1", "figures-2"], document.Anchors().Order(StringComparer.Ordinal));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private void Write(string path, params string[] lines)
    {
        var full = Path.Combine(_folder.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllLines(full, lines);
    }
}
