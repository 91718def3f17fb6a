using System.Diagnostics;
using Xunit;

namespace Buildpacks.Testing;

/// <summary>
/// <c>samples/HelloWeb</c> published with the real <c>dotnet publish</c>, once per test class, into a temp
/// directory (intermediate files too, so parallel builds of the sample never share an obj folder).
/// </summary>
public sealed class PublishedSample : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string PublishDirectory => _temp.Combine("publish");

    public TempDirectory Temp => _temp;

    public async Task InitializeAsync()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine(Repository.Root, "samples", "HelloWeb", "HelloWeb.csproj"), "-c", "Release",
                     "-o", PublishDirectory, "--artifacts-path", _temp.Combine("artifacts"), "-nologo",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        ChildBuildEnvironment.RemoveMSBuildVariables(startInfo);

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the sample failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
