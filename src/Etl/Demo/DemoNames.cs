namespace Governance.Etl.Demo;

/// <summary>Plausible place names (two characters and a suffix), distinct within one generator.</summary>
internal sealed class DemoNames(Random random)
{
    private const string First = "东西南北上下大小新老前后高中青石金银白红黄桃李杨柳梅竹松槐枫龙凤马牛";
    private const string Second = "山河桥塘湖坪岭源田溪港湾林园村庄岗冲坳垅洲坑畈埠口岩";

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Next(string suffix)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stem = $"{First[random.Next(First.Length)]}{Second[random.Next(Second.Length)]}";
            var name = attempt < 50 ? stem + suffix : $"{stem}{attempt}{suffix}";
            if (_used.Add(name))
            {
                return name;
            }
        }
    }
}
