using System.Diagnostics;

namespace Buildpacks.Testing;

/// <summary>A real git repository holding a tiny buildpack whose compile copies its <c>marker</c> file into the app.</summary>
public sealed class GitRepo
{
    private GitRepo(string path) => Path = path;

    public string Path { get; }

    public string FileUrl => "file://" + Path;

    /// <summary>Creates the repository with one commit on <c>main</c> whose marker is <paramref name="marker"/>.</summary>
    public static GitRepo Create(string path, string marker = "v1")
    {
        Directory.CreateDirectory(path);
        var repo = new GitRepo(path);
        repo.Git("init", "--quiet", "--initial-branch=main");
        WriteBuildpack(path);
        repo.Commit(marker);
        return repo;
    }

    /// <summary>Writes a buildpack into <paramref name="directory"/>: detect always passes, compile copies marker (and sub/marker).</summary>
    public static void WriteBuildpack(string directory)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "bin"));
        Script(directory, "detect", "#!/usr/bin/env bash\necho Marker\n");
        Script(directory, "compile", "#!/usr/bin/env bash\nset -e\nhere=$(cd \"$(dirname \"$0\")/..\" && pwd)\ncp \"$here/marker\" \"$1/marker\"\nif [ -f \"$here/sub/marker\" ]; then cp \"$here/sub/marker\" \"$1/sub-marker\"; fi\n");
        Script(directory, "release", "#!/usr/bin/env bash\necho '---'\necho 'default_process_types:'\necho '  web: cat marker'\n");
    }

    /// <summary>Writes <c>marker</c>, commits, and returns the new commit's SHA.</summary>
    public string Commit(string marker)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, "marker"), marker + "\n");
        Git("add", "-A");
        Git("commit", "--quiet", "-m", "marker " + marker);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public string Git(params string[] arguments) => Run(Path, arguments);

    public static string Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "protocol.file.allow=always", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
        }

        return output;
    }

    private static void Script(string directory, string name, string text)
    {
        var path = System.IO.Path.Combine(directory, "bin", name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }
}
