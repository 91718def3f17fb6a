namespace Buildpacks.Testing;

/// <summary>A directory deleted when the test (or fixture) ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "bpk-test-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (creating its folder) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var file = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Creates a sub-directory holding the given files (relative path → content), like a publish folder.</summary>
    public string CreateApp(string name, params (string Path, string Content)[] files)
    {
        var app = Combine(name);
        Directory.CreateDirectory(app);
        foreach (var (relative, content) in files)
        {
            Write(System.IO.Path.Combine(name, relative), content);
        }

        return app;
    }

    /// <summary>A buildpack whose scripts are the given bash bodies (name, body), executable.</summary>
    public string CreateBuildpack(string name, params (string Script, string Body)[] scripts)
    {
        var buildpack = Combine(name);
        foreach (var (script, body) in scripts)
        {
            var file = Write(System.IO.Path.Combine(name, "bin", script), "#!/usr/bin/env bash\n" + body + "\n");
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return buildpack;
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
