using System.Diagnostics;

namespace Buildpacks.Testing;

/// <summary>Prepares a child <c>dotnet</c> build started by a test.</summary>
public static class ChildBuildEnvironment
{
    /// <summary>
    /// The test host may run inside an MSBuild-driven <c>dotnet test</c>: its MSBuild variables must not steer a
    /// build the test starts, which has to find its own SDK and MSBuild as a user's would.
    /// </summary>
    public static void RemoveMSBuildVariables(ProcessStartInfo startInfo)
    {
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }
    }
}
