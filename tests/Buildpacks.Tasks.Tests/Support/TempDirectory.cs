namespace Buildpacks.Tasks.Tests.Support;

/// <summary>A directory deleted when the test (or fixture) ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "bpk-tasks-")
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

    /// <summary>A folder holding the given files (relative path, content), like a publish folder.</summary>
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
}
