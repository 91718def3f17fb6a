using Cake.Core;
using Cake.Core.IO;

namespace Cake.Buildpacks.Tests.Support;

/// <summary>
/// An environment whose working directory is not the process's, so a test sees whether the aliases make
/// paths absolute against Cake's working directory, and whose variables are only those a test sets (a CI
/// runner's own never leak in). Members the aliases have no business touching throw.
/// </summary>
public sealed class FakeCakeEnvironment(string workingDirectory) : ICakeEnvironment
{
    public DirectoryPath WorkingDirectory { get; set; } = new(workingDirectory);

    public DirectoryPath UserHomeDirectory => throw Unused();

    public DirectoryPath ApplicationRoot => throw Unused();

    public ICakePlatform Platform => throw Unused();

    public ICakeRuntime Runtime => throw Unused();

    public DirectoryPath GetSpecialPath(SpecialPath path) => throw Unused();

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string GetEnvironmentVariable(string variable) => Variables.GetValueOrDefault(variable)!;

    public IDictionary<string, string> GetEnvironmentVariables() => throw Unused();

    private static NotSupportedException Unused() => new("The Buildpacks aliases only read the working directory and variables.");
}
