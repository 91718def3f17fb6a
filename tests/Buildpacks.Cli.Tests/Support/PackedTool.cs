using System.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests.Support;

/// <summary>The <c>buildpacks</c> tool packed once into a local folder feed, as CI pipelines get it.</summary>
public sealed class PackedTool : IDisposable
{
    public const string PackageId = "Buildpacks.Cli";
    public const string Version = "0.1.0";

    private readonly TempDirectory _temp = new();

    public PackedTool()
    {
        Feed = _temp.Combine("feed");
        Run("dotnet", ["pack", Path.Combine(Repository.Root, "src", "Buildpacks.Cli", "Buildpacks.Cli.csproj"), "-c", "Release", "-o", Feed, "--artifacts-path", _temp.Combine("artifacts")], _temp.Path, new Dictionary<string, string>());
    }

    public string Feed { get; }

    /// <summary>The dotnet host's own folder, where .NET 10 keeps <c>dnx</c>.</summary>
    public static string DotNetRoot
    {
        get
        {
            var dotnet = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .Select(directory => Path.Combine(directory, "dotnet"))
                .First(File.Exists);
            return Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet)!;
        }
    }

    /// <summary>Runs a program to its end and returns its stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        ChildBuildEnvironment.RemoveMSBuildVariables(start);

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        return output;
    }

    public void Dispose() => _temp.Dispose();
}
