using System.Xml.Linq;
using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// P3: what the MSBuild package costs when nothing changed. A fresh <c>dotnet new web</c> app references the
/// Buildpacks.Tasks package packed from this repository; after a first staging, <c>dotnet publish</c> with
/// staging on (skipped, as nothing changed) is timed against a plain <c>dotnet publish</c> of the same project.
/// The droplet must not be rewritten by the no-op runs, or staging was not skipped and the numbers mean nothing.
/// </summary>
internal sealed class MsBuildScenario : IScenario
{
    public string Name => "msbuild";

    public void Run(BenchContext context, BenchReport report)
    {
        var work = context.Output("msbuild");

        // A package cache of its own: the package's version does not change between commits, and a shared
        // cache would keep serving the first build of it.
        var dotnet = context.Processes.With("NUGET_PACKAGES", Path.Combine(work, "packages"));
        context.Progress.WriteLine("P3: packing Buildpacks.Tasks into a local feed...");
        var feed = Path.Combine(work, "feed");
        dotnet.Run("dotnet", ["pack", Path.Combine(context.Repository, "src", "Buildpacks.Tasks", "Buildpacks.Tasks.csproj"), "-c", "Release", "-o", feed]);
        var package = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "Buildpacks.Tasks.*.nupkg").Single());
        var version = package["Buildpacks.Tasks.".Length..];

        // Empty Directory.Build.* files stop MSBuild looking further up, wherever the work directory is.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(work, name), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="buildpacks-bench-local" value="{feed}" />
              </packageSources>
            </configuration>

            """);

        context.Progress.WriteLine($"P3: creating a web app that references Buildpacks.Tasks {version}...");
        var app = Path.Combine(work, "HelloWeb");
        dotnet.Run("dotnet", ["new", "web", "-o", app, "-n", "HelloWeb"]);
        var projectFile = Path.Combine(app, "HelloWeb.csproj");
        var project = XDocument.Load(projectFile);
        project.Root!.Add(new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "Buildpacks.Tasks"), new XAttribute("Version", version))));
        project.Save(projectFile);

        var buildpack = Path.Combine(context.Repository, "samples", "buildpacks", "dotnet");
        var droplet = Path.Combine(app, "bin", "Release", "net10.0", "HelloWeb.droplet.tgz");
        TimeSpan Publish(params string[] extra) => dotnet.Time("dotnet", ["publish", "-c", "Release", .. extra], app);
        var variants = new List<Variant>
        {
            new("with staging (no-op)", () => Publish("-p:StageWithBuildpack=true", $"-p:Buildpack={buildpack}")),
            new("plain", () => Publish()),
        };

        // The first publish restores, builds and stages; the Alternator's warm-up then runs one no-op of each.
        context.Progress.WriteLine("P3: first publish with staging...");
        variants[0].Run();
        var stamp = File.GetLastWriteTimeUtc(droplet);
        var comparison = Alternator.Run("p3-msbuild-noop", "P3 no-op dotnet publish", "dotnet new web", variants, context.Options.RoundsFor(10, 2), context.Progress);
        if (File.GetLastWriteTimeUtc(droplet) != stamp)
        {
            throw new BenchException($"The droplet {droplet} was rewritten by a no-op publish: staging was not skipped.");
        }

        report.Comparisons.Add(comparison);
        report.Set(TargetRow.FromRatio(Targets.MsBuildNoop, comparison.RatioOf(variants[0].Name, variants[1].Name)));
    }
}
