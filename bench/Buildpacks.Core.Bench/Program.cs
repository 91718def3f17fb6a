using System.Diagnostics;
using Buildpacks.Core.Droplets;

// Droplet packing must stream: memory may not grow with the app's size, and packing should cost about
// what `tar -cz` costs. Packs a small and a large generated app, and the large one with GNU tar as the
// baseline, in this run, and prints the ratios.
//   dotnet run -c Release --project bench/Buildpacks.Core.Bench [-- SMALL_MB LARGE_MB]
var smallMb = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 16;
var largeMb = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 256;
var root = Path.Combine(Path.GetTempPath(), "bpk-bench-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    var small = Measure(CreateApp(Path.Combine(root, "small"), smallMb), Path.Combine(root, "small.tgz"));
    var large = Measure(CreateApp(Path.Combine(root, "large"), largeMb), Path.Combine(root, "large.tgz"));
    var tar = TimeTar(Path.Combine(root, "large"), Path.Combine(root, "large-tar.tgz"));

    Console.WriteLine($"app size        {smallMb,6} MB {largeMb,10} MB");
    Console.WriteLine($"pack time       {small.Elapsed.TotalSeconds,6:0.00} s  {large.Elapsed.TotalSeconds,10:0.00} s");
    Console.WriteLine($"allocated       {small.Allocated / 1e6,6:0.0} MB {large.Allocated / 1e6,10:0.0} MB");
    Console.WriteLine($"peak working set{small.PeakWorkingSet / 1e6,6:0.0} MB {large.PeakWorkingSet / 1e6,10:0.0} MB");
    Console.WriteLine($"ratio allocated large/small: {(double)large.Allocated / small.Allocated:0.00} (size ratio {(double)largeMb / smallMb:0.0}; streaming keeps this near 1)");
    Console.WriteLine($"ratio time vs `tar -czf` on the large app: {large.Elapsed / tar:0.00} (tar: {tar.TotalSeconds:0.00} s)");
}
finally
{
    Directory.Delete(root, recursive: true);
}

static string CreateApp(string directory, int megabytes)
{
    // Half incompressible, half text: like a published app with assemblies and config.
    var random = new Random(42);
    var buffer = new byte[1 << 20];
    for (var i = 0; i < megabytes; i++)
    {
        var folder = Path.Combine(directory, $"dir{i % 16}");
        Directory.CreateDirectory(folder);
        if (i % 2 == 0)
        {
            random.NextBytes(buffer);
        }
        else
        {
            Array.Fill(buffer, (byte)'x');
        }

        File.WriteAllBytes(Path.Combine(folder, $"file{i}.bin"), buffer);
    }

    return directory;
}

static (TimeSpan Elapsed, long Allocated, long PeakWorkingSet) Measure(string app, string output)
{
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var stopwatch = Stopwatch.StartNew();
    DropletWriter.Write(app, output, DropletWriter.DefaultTimestamp);
    stopwatch.Stop();
    self.Refresh();
    return (stopwatch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - before, self.PeakWorkingSet64);
}

static TimeSpan TimeTar(string app, string output)
{
    var stopwatch = Stopwatch.StartNew();
    using var tar = Process.Start("tar", ["-czf", output, "-C", app, "."])!;
    tar.WaitForExit();
    return stopwatch.Elapsed;
}
