using System.IO.Compression;
using System.Xml.Linq;

namespace Buildpacks.Tasks.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
[Collection(nameof(EndToEndCollection))]
public sealed class PackageContentsTests(PackagedTasks packaged)
{
    [Fact]
    public void The_package_holds_the_build_files_and_the_tasks_with_their_dependencies_and_nothing_else()
    {
        using var package = ZipFile.OpenRead(packaged.Package);

        Assert.Equal(
            [
                "Buildpacks.Tasks.nuspec",
                "[Content_Types].xml",
                "_rels/.rels",
                "build/Buildpacks.Tasks.props",
                "build/Buildpacks.Tasks.targets",
                "package/services/metadata/core-properties/nuget.psmdcp",
                "tasks/net10.0/Buildpacks.Core.dll",
                "tasks/net10.0/Buildpacks.Tasks.dll",
                "tasks/net10.0/Microsoft.Extensions.FileSystemGlobbing.dll",
                "tasks/net10.0/Tomlyn.dll",
                "tasks/net10.0/YamlDotNet.dll",
            ],
            package.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_is_a_development_dependency_without_dependencies()
    {
        using var package = ZipFile.OpenRead(packaged.Package);
        using var stream = package.GetEntry("Buildpacks.Tasks.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("Buildpacks.Tasks", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }
}
