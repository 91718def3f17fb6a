using System.Globalization;
using Buildpacks.Bench.Running;

namespace Buildpacks.Bench.Inputs;

/// <summary>
/// Generates the inputs under <c>WORK/inputs</c>, each once per work directory: a marker beside a finished tree
/// records how it was made, so a kept work directory (--keep) reuses trees made the same way and rebuilds others.
/// </summary>
internal sealed class InputFactory(string root, bool quick, ProcessRunner processes, TextWriter progress)
{
    private const int TreeCopies = 10;

    private readonly Dictionary<string, InputTree> _made = [];

    /// <summary>The installed shared runtimes' files in one folder, as a self-contained publish lays them out.</summary>
    public InputTree Runtime() => Make("runtime", () =>
    {
        var sources = RuntimeDirectories();
        var budget = quick ? 10_000_000L : long.MaxValue;
        var description = $"{string.Join(" + ", sources.Select(s => s.Name))} flattened like a self-contained publish"
            + (quick ? ", files in name order up to 10 MB" : "");
        return (description, directory =>
        {
            long taken = 0;
            foreach (var (_, path) in sources)
            {
                foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var target = Path.Combine(directory, Path.GetRelativePath(path, file));
                    var length = new FileInfo(file).Length;
                    if (File.Exists(target) || taken + length > budget)
                    {
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                    taken += length;
                }
            }
        });
    });

    /// <summary>A node_modules-like tree: many small text files in packages of twenty.</summary>
    public InputTree SmallFiles() => quick ? Text("small-files", 1_000, 10_000, seed: 1) : Text("small-files", 10_000, 10_000, seed: 1);

    /// <summary>A cache a buildpack filled on an earlier staging: many small files the next staging does not change.</summary>
    public InputTree Cache() => quick ? Text("cache", 1_000, 2_000, seed: 2) : Text("cache", 10_000, 2_000, seed: 2);

    /// <summary>Ten copies of the runtime tree: ten times the data in the same kind of files, for the scale target.</summary>
    public InputTree Big()
    {
        var runtime = Runtime();
        return Make("big", () => ($"{TreeCopies} copies of the runtime tree ({runtime.Description})", directory =>
        {
            for (var copy = 0; copy < TreeCopies; copy++)
            {
                CopyTree(runtime.Path, Path.Combine(directory, $"copy-{copy}"));
            }
        }));
    }

    /// <summary>An app of one small file, where staging costs little but start-up and fixed costs.</summary>
    public InputTree OneFile() => Make("one-file", () => ("one 1 KB file", directory =>
        File.WriteAllText(Path.Combine(directory, "index.html"), new string('x', 1023) + "\n")));

    private InputTree Text(string name, int files, int averageBytes, int seed) => Make(name, () =>
    {
        var description = string.Create(CultureInfo.InvariantCulture, $"{files:N0} source-like text files, about {averageBytes / 1000.0:0.#} KB each on average (seed {seed})");
        return (description, directory =>
        {
            var corpus = new TextCorpus(seed, 4 << 20);
            var random = new Random(seed);

            // Log-normal sizes, as in real packages: most files small, a few large; mu puts the mean at averageBytes.
            const double Sigma = 1.2;
            var mu = Math.Log(averageBytes) - (Sigma * Sigma / 2);
            for (var i = 0; i < files; i++)
            {
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                var size = (int)Math.Clamp(Math.Exp(mu + (Sigma * normal)), 16, 1 << 20);
                var path = Path.Combine(directory, PackageFile(i));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, corpus.Slice(random.Next(corpus.Length - size), size));
            }
        });
    });

    private static string PackageFile(int index)
    {
        var package = $"node_modules/package-{index / 20:D4}";
        var k = index % 20;
        return k switch
        {
            0 => $"{package}/package.json",
            1 => $"{package}/README.md",
            < 12 => $"{package}/lib/module-{k}.js",
            _ => $"{package}/dist/part-{k % 3}/bundle-{k}.js",
        };
    }

    private InputTree Make(string name, Func<(string Description, Action<string> Create)> recipe)
    {
        if (_made.TryGetValue(name, out var made))
        {
            return made;
        }

        var (description, create) = recipe();
        var directory = Path.Combine(root, "inputs", name);
        var marker = directory + ".made";
        if (!File.Exists(marker) || File.ReadAllText(marker) != description)
        {
            progress.WriteLine($"Generating {name}: {description}");
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            create(directory);
            File.WriteAllText(marker, description);
        }

        var files = new DirectoryInfo(directory).GetFiles("*", SearchOption.AllDirectories);
        made = new InputTree(name, directory, files.Length, files.Sum(f => f.Length), description);
        _made[name] = made;
        return made;
    }

    /// <summary>The newest version of each shared runtime <c>dotnet --list-runtimes</c> lists (NETCore.App and AspNetCore.App).</summary>
    private List<(string Name, string Path)> RuntimeDirectories()
    {
        var (_, listing) = processes.Run("dotnet", ["--list-runtimes"]);
        var found = new List<(string Name, string Path)>();
        foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            // Lines look like: Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]
            var newest = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', 3))
                .Where(parts => parts.Length == 3 && parts[0] == framework)
                .Select(parts => (Version: parts[1], Path: Path.Combine(parts[2].Trim('[', ']'), parts[1])))
                .MaxBy(r => Version.TryParse(r.Version.Split('-')[0], out var v) ? v : new Version());
            if (newest.Path is not null && Directory.Exists(newest.Path))
            {
                found.Add(($"{framework} {newest.Version}", newest.Path));
            }
        }

        return found.Count > 0 ? found : throw new BenchException("`dotnet --list-runtimes` lists no shared runtime to build the runtime tree from.");
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
