namespace Buildpacks.Tasks.Tests.Support;

/// <summary>
/// A project that imports the package's props and targets straight from src/, around the few properties
/// and targets of the .NET SDK they rely on, so the targets run in-process without a restore.
/// </summary>
public sealed class TestProject
{
    private readonly TempDirectory _temp;

    public TestProject(TempDirectory temp, string name = "App")
    {
        _temp = temp;
        Name = name;
        Directory = temp.Combine(name);
        System.IO.Directory.CreateDirectory(PublishDirectory);
        File.WriteAllText(Path.Combine(PublishDirectory, name + ".dll"), "published assembly");
        File.WriteAllText(Path.Combine(PublishDirectory, name + ".runtimeconfig.json"), "{}");
    }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string PublishDirectory => Path.Combine(Directory, "bin", "Release", "net10.0", "publish");

    public string DefaultDroplet => Path.Combine(Directory, "bin", "Release", "net10.0", Name + ".droplet.tgz");

    public string CleanFile => Path.Combine(Directory, "obj", "Release", "net10.0", Name + ".csproj.FileListAbsolute.txt");

    /// <summary>Writes the project with extra XML inside it (properties, items, targets).</summary>
    public TestProject Write(string body = "")
    {
        var build = Repository.PackageBuildFolder;
        _temp.Write(Path.Combine(Name, Name + ".csproj"), $"""
            <Project>
              <Import Project="{build}/Buildpacks.Tasks.props" />
              <PropertyGroup>
                <AssemblyName>{Name}</AssemblyName>
                <Configuration>Release</Configuration>
                <OutputPath>bin/Release/net10.0/</OutputPath>
                <IntermediateOutputPath>obj/Release/net10.0/</IntermediateOutputPath>
                <PublishDir>$(OutputPath)publish/</PublishDir>
                <CleanFile>$(MSBuildProjectFile).FileListAbsolute.txt</CleanFile>
              </PropertyGroup>
            {body}
              <!-- A console project's shape: staging hooks onto Publish. -->
              <Target Name="Publish" />
              <Import Project="{build}/Buildpacks.Tasks.targets" />
            </Project>
            """);
        return this;
    }

    /// <summary>Builds with the task assembly of this test run.</summary>
    public BuildOutcome Build(IDictionary<string, string>? properties = null, params string[] targets)
    {
        var global = new Dictionary<string, string>(properties ?? new Dictionary<string, string>())
        {
            ["BuildpackTasksAssembly"] = Repository.TasksAssembly,
        };
        return InProcessBuild.Run(ProjectFile, global, targets.Length == 0 ? ["Publish"] : targets);
    }
}
