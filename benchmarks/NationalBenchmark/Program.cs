using System.Globalization;
using Governance.NationalBenchmark;

// Usage: dotnet run -c Release --project benchmarks/NationalBenchmark -- areas OUT.csv [--provinces 41,42]
var divisions = Divisions.Read(Divisions.DefaultFolder(Environment.CurrentDirectory));
var plan = NationalAreas.Plan(divisions, seed: 12);
var rows = NationalAreas.Write(args[1], divisions, plan);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} areas written to {args[1]}"));
