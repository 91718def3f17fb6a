using System.Globalization;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// The bash buildpacks and the by-hand pipeline the scenarios time, written by the harness so that what is
/// timed is the platform's cost (copying, running scripts, packing), not a buildpack's own work.
/// </summary>
internal sealed class BenchBuildpacks
{
    public const int DetectCandidates = 10;

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const string Release = "#!/usr/bin/env bash\necho '--- {default_process_types: {web: ./start}}'\n";

    public BenchBuildpacks(string root)
    {
        Noop = Path.Combine(root, "noop");
        WriteBuildpack(Noop, detect: "#!/usr/bin/env bash\nexit 0\n", compile: "#!/usr/bin/env bash\necho noop\n");

        // Detects that take a while without using the CPU (as one that looks something up would): the last
        // candidate is the only one that says yes and among the slowest, so every candidate must run.
        Candidates = Enumerable.Range(1, DetectCandidates).Select(i =>
        {
            var directory = Path.Combine(root, $"detect-{i:D2}");
            var seconds = i == DetectCandidates ? 0.3 : 0.1 + (0.1 * (i % 3));
            var verdict = i == DetectCandidates ? "echo yes; exit 0" : "exit 1";
            WriteBuildpack(directory, detect: string.Create(CultureInfo.InvariantCulture, $"#!/usr/bin/env bash\nsleep {seconds}\n{verdict}\n"), compile: "#!/usr/bin/env bash\nexit 0\n");
            return directory;
        }).ToList();

        ByHand = Path.Combine(root, "by-hand.sh");
        File.WriteAllText(ByHand, """
            #!/usr/bin/env bash
            # What staging costs without a tool: copy the app, run the buildpack's scripts, pack, clean up.
            #   by-hand.sh APP BUILDPACK DROPLET WORK
            set -euo pipefail
            app="$1"; buildpack="$2"; droplet="$3"; work="$4"
            build="$work/build"; cache="$work/cache"
            rm -rf "$build"
            mkdir -p "$cache"
            cp -a "$app" "$build"
            "$buildpack/bin/detect" "$build" >/dev/null
            "$buildpack/bin/compile" "$build" "$cache" >/dev/null
            "$buildpack/bin/release" "$build" >"$work/release.yml"
            tar -czf "$droplet" -C "$build" .
            rm -rf "$build"

            """);
        File.SetUnixFileMode(ByHand, Executable);
    }

    /// <summary>Detects yes, compiles nothing, releases a web process.</summary>
    public string Noop { get; }

    /// <summary>Candidates for detection in order; only the last says yes.</summary>
    public IReadOnlyList<string> Candidates { get; }

    /// <summary>The by-hand pipeline: cp -a; detect; compile; release; tar -czf.</summary>
    public string ByHand { get; }

    private static void WriteBuildpack(string directory, string detect, string compile)
    {
        var bin = Path.Combine(directory, "bin");
        Directory.CreateDirectory(bin);
        foreach (var (name, text) in new[] { ("detect", detect), ("compile", compile), ("release", Release) })
        {
            var path = Path.Combine(bin, name);
            File.WriteAllText(path, text);
            File.SetUnixFileMode(path, Executable);
        }
    }
}
