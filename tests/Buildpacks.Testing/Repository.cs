namespace Buildpacks.Core.Tests.Support;

/// <summary>Finds files of the repository from the test assembly's folder.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Buildpacks.Tasks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Buildpacks.Tasks.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string FixtureBuildpack(string name) => Path.Combine(Root, "tests", "fixtures", "buildpacks", name);

    public static string SampleBuildpack => Path.Combine(Root, "samples", "buildpacks", "dotnet");
}
