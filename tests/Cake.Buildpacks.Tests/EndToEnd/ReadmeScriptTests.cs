using System.Text.RegularExpressions;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;

namespace Cake.Buildpacks.Tests.EndToEnd;

/// <summary>
/// The README's ten-line build.cake, run as a new user would run it: from the root of a copy of the
/// repository's sample layout, loading the packed addin from a local feed. Only the feed's path is replaced.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(CakeRunnerCollection.Name)]
public sealed partial class ReadmeScriptTests(AddinFeed feed) : IDisposable
{
    private const string FeedPlaceholder = "file:///path/to/Buildpacks.Tasks/artifacts/packages";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_README_script_stages_the_sample_app_and_prints_the_droplet_sha256()
    {
        var script = ReadmeScript();
        Assert.True(script.Split('\n').Length <= 10, "the README promises ten lines:\n" + script);
        Assert.Contains($"?package=Cake.Buildpacks&version={feed.Version}", script, StringComparison.Ordinal);
        CopyFromRepository("Directory.Build.props", "Directory.Packages.props", "global.json");
        CopyTreeFromRepository("samples/HelloWeb", skipBuildOutput: true);
        CopyTreeFromRepository("samples/buildpacks/dotnet", skipBuildOutput: false);
        var path = _temp.Combine("build.cake");
        File.WriteAllText(path, script.Replace(FeedPlaceholder, "file://" + feed.FeedDirectory, StringComparison.Ordinal));

        var run = feed.RunCake(path);

        Assert.True(run.ExitCode == 0, run.Output);
        var droplet = _temp.Combine("artifacts", "hello", "HelloWeb.droplet.tgz");
        Assert.Contains($"{droplet} sha256 {DropletInspector.Sha256Of(droplet)}", run.Lines);
        Assert.Equal("dotnet HelloWeb.dll", DropletInspector.Inspect(droplet).StartCommand);
    }

    [GeneratedRegex("<!-- section: cake -->.*?```csharp\n(?<script>#addin .*?)```", RegexOptions.Singleline)]
    private static partial Regex CakeSectionScript();

    private static string ReadmeScript()
    {
        var match = CakeSectionScript().Match(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));
        Assert.True(match.Success, "README.md has no ```csharp block starting with #addin in its cake section");
        return match.Groups["script"].Value.TrimEnd();
    }

    private void CopyFromRepository(params string[] files)
    {
        foreach (var file in files)
        {
            File.Copy(Path.Combine(Repository.Root, file), _temp.Combine(file));
        }
    }

    /// <summary>Copies a directory with its files' modes; a project's bin/ and obj/ stay behind, a buildpack's bin/ does not.</summary>
    private void CopyTreeFromRepository(string relative, bool skipBuildOutput)
    {
        var source = Path.Combine(Repository.Root, relative);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var inside = Path.GetRelativePath(source, file);
            if (skipBuildOutput && (inside.StartsWith("bin/", StringComparison.Ordinal) || inside.StartsWith("obj/", StringComparison.Ordinal)))
            {
                continue;
            }

            var target = _temp.Combine(relative, inside);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }
}
