namespace Buildpacks.Testing;

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

    public static string TasksProject => Path.Combine(Root, "src", "Buildpacks.Tasks", "Buildpacks.Tasks.csproj");

    public static string PackageBuildFolder => Path.Combine(Root, "src", "Buildpacks.Tasks", "build");

    /// <summary>The task assembly this test run was built with (copied next to the tests by the project reference).</summary>
    public static string TasksAssembly => Path.Combine(AppContext.BaseDirectory, "Buildpacks.Tasks.dll");

    /// <summary>The configuration the tests were built in, so packing reuses that build.</summary>
    public static string Configuration =>
        typeof(Repository).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
}
