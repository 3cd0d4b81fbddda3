namespace Governance.LoadTest;

/// <summary>The answer check of a scenario: answers compared, how many differed from the reference, and who gave them.</summary>
internal sealed record AnswerFigures(int Asked, int Differing, string AnsweredBy);
