using Buildpacks.Bench.Inputs;
using Buildpacks.Bench.Running;
using Buildpacks.Bench.Scenarios;

namespace Buildpacks.Bench;

/// <summary>What every scenario shares: the options, the work directory and its inputs, the tools to run.</summary>
internal sealed class BenchContext
{
    private readonly Lazy<BenchBuildpacks> _buildpacks;
    private readonly Lazy<string[]> _cli;

    public BenchContext(BenchOptions options, string root, string repository, TextWriter progress)
    {
        Options = options;
        Root = root;
        Repository = repository;
        Progress = progress;
        var temp = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;

        // Both sides of every pair get the same TMPDIR, on the same file system as their inputs: the CLI
        // makes its build directory there, the by-hand pipeline beside it.
        Processes = new ProcessRunner(new Dictionary<string, string>
        {
            ["TMPDIR"] = temp,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        });
        Inputs = new InputFactory(root, options.Quick, Processes, progress);
        _buildpacks = new(() => new BenchBuildpacks(Directory.CreateDirectory(Path.Combine(root, "buildpacks")).FullName));
        _cli = new(PublishCli);
    }

    public BenchOptions Options { get; }

    public string Root { get; }

    public string Repository { get; }

    public TextWriter Progress { get; }

    public ProcessRunner Processes { get; }

    public InputFactory Inputs { get; }

    public BenchBuildpacks Buildpacks => _buildpacks.Value;

    /// <summary>A fresh directory for a scenario's outputs.</summary>
    public string Output(string name)
    {
        var directory = Path.Combine(Root, "out", name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Directory.CreateDirectory(directory).FullName;
    }

    /// <summary>Publishes the tool now, so that its first use does not happen in the middle of a scenario's output.</summary>
    public void PrepareCli() => _ = _cli.Value;

    /// <summary>Times one run of the `buildpacks` tool with <paramref name="arguments"/>.</summary>
    public TimeSpan TimeCli(params string[] arguments) => RunCli(arguments).Elapsed;

    /// <summary>Runs the `buildpacks` tool with <paramref name="arguments"/>: how long it took and what it printed.</summary>
    public (TimeSpan Elapsed, string Output) RunCli(params string[] arguments) => Processes.Run(_cli.Value[0], [.. _cli.Value.Skip(1), .. arguments]);

    /// <summary>
    /// The tool as users get it: src/Buildpacks.Cli published in Release with the project's own settings (so
    /// ReadyToRun or AOT, once the project turns them on, are what is timed), or the executable given by --cli.
    /// </summary>
    private string[] PublishCli()
    {
        if (Options.CliPath is { } given)
        {
            return given.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", given] : [given];
        }

        var output = Path.Combine(Root, "cli");
        Progress.WriteLine("Publishing src/Buildpacks.Cli (Release)...");
        Processes.Run("dotnet", ["publish", Path.Combine(Repository, "src", "Buildpacks.Cli", "Buildpacks.Cli.csproj"), "-c", "Release", "-o", output]);
        var apphost = Path.Combine(output, "buildpacks");
        return File.Exists(apphost) ? [apphost] : ["dotnet", Path.Combine(output, "buildpacks.dll")];
    }
}
