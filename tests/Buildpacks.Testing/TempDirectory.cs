namespace Buildpacks.Core.Tests.Support;

/// <summary>A directory deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bpk-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Creates a sub-directory holding the given files (relative path → content).</summary>
    public string CreateApp(string name, params (string Path, string Content)[] files)
    {
        var app = Combine(name);
        Directory.CreateDirectory(app);
        foreach (var (relative, content) in files)
        {
            var file = System.IO.Path.Combine(app, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        return app;
    }

    /// <summary>A writable copy of a fixture buildpack, for tests that break it on purpose.</summary>
    public string CopyBuildpack(string fixture)
    {
        var target = Combine("bp-" + fixture + "-" + Guid.NewGuid().ToString("N")[..6]);
        CopyTree(Repository.FixtureBuildpack(fixture), target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetFileName(file));
            File.Copy(file, destination);
            File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyTree(directory, System.IO.Path.Combine(target, System.IO.Path.GetFileName(directory)));
        }
    }
}
