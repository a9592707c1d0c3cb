using Impulse.Benchmarks.ColdStart;

// Progress goes to standard error, so standard output is the Markdown report alone.
var log = Console.Error;
var options = Options.Parse(args, log);
if (options is null)
    return 2;

var work = Directory.CreateTempSubdirectory("impulse-coldstart-");
try
{
    var binaries = await Binaries.PrepareAsync(options, work.FullName, log);
    var machine = await Machine.DescribeAsync();
    var results = await Benchmark.RunAsync(options, binaries, machine, log);
    var (report, passed) = Report.Write(results);
    Console.Out.Write(report);
    return passed ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}
