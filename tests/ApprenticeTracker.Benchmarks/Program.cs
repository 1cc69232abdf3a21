using ApprenticeTracker.Benchmarks;

// One verb per benchmark, so later issues can add theirs: `dotnet run -c Release --project tests/ApprenticeTracker.Benchmarks -- pdf`.
var verbs = new Dictionary<string, (string Description, Func<int> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["pdf"] = ("Times ApprenticeTracker.Pdf on a representative 20-page report, and Chromium's print-to-PDF on the same content when installed.", PdfBenchmark.Run),
    ["report"] = ("Times one EPA report (200 evidence items) from database to bytes, and a zip of 500 apprentices' reports with its peak memory.", ReportBenchmark.Run),
    ["dashboard"] = ("Times the provider's cohort dashboard through the real HTTP pipeline for 2,000 and 20,000 apprentices (seed-demo --scale large --apprentices N).", DashboardBenchmark.Run),
    ["otj"] = ("Times one apprentice's off-the-job page and the dashboard (unfiltered and behind on off-the-job) on 2,000 apprentices with about 100 entries each.", OffTheJobBenchmark.Run),
    ["throughput"] = ("Drives each role's pages on Kestrel (loopback) with 16 concurrent clients for 5 s each: requests a second, p50, p99, share of /healthz.", ThroughputBenchmark.Run),
};

if (args.Length == 1 && verbs.TryGetValue(args[0], out var verb))
{
    return verb.Run();
}

var asked = args.Length == 1 && args[0] is "help" or "--help" or "-h";
if (!asked && args.Length > 0)
{
    Console.Error.WriteLine($"Unknown verb '{string.Join(' ', args)}'.");
}

Console.WriteLine("Usage: dotnet run -c Release --project tests/ApprenticeTracker.Benchmarks -- <verb>");
Console.WriteLine();
Console.WriteLine("Verbs:");
foreach (var (name, (description, _)) in verbs)
{
    Console.WriteLine($"  {name,-10} {description}");
}

return asked ? 0 : 1;
