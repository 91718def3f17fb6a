using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The private directory one staging works in. Its <see cref="DropletRoot"/> is laid out like an
/// extracted Cloud Foundry droplet; everything is deleted when the staging ends, whatever happened.
/// </summary>
internal sealed class StagingWorkspace : IDisposable
{
    private StagingWorkspace(string root)
    {
        Root = root;
        DropletRoot = Path.Combine(root, "droplet");
        BuildDirectory = Path.Combine(DropletRoot, "app");
        DepsDirectory = Path.Combine(DropletRoot, "deps");
        ProfileDirectory = Path.Combine(DropletRoot, "profile.d");
        EnvDirectory = Path.Combine(root, "env");
        BuildpacksDirectory = Path.Combine(root, "buildpacks");
        HomeDirectory = Path.Combine(root, "home");
        TempDirectory = Path.Combine(root, "tmp");
        ScratchCacheDirectory = Path.Combine(root, "cache");
        foreach (var directory in new[]
                 {
                     DropletRoot, DepsDirectory, ProfileDirectory, Path.Combine(DropletRoot, "tmp"), Path.Combine(DropletRoot, "logs"),
                     EnvDirectory, BuildpacksDirectory, HomeDirectory, TempDirectory,
                 })
        {
            Directory.CreateDirectory(directory);
        }
    }

    public string Root { get; }

    public string DropletRoot { get; }

    public string BuildDirectory { get; }

    public string DepsDirectory { get; }

    public string ProfileDirectory { get; }

    public string EnvDirectory { get; }

    public string BuildpacksDirectory { get; }

    public string HomeDirectory { get; }

    public string TempDirectory { get; }

    public string ScratchCacheDirectory { get; }

    public static StagingWorkspace Create()
    {
        // Unique per staging: parallel stagings (MSBuild runs projects in parallel) must not share
        // paths, and some buildpacks write to $TMPDIR by fixed names.
        var root = Path.Combine(Path.GetTempPath(), "buildpacks-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new StagingWorkspace(root);
    }

    public string BuildpackDirectory(string name) => Path.Combine(BuildpacksDirectory, name);

    public void Dispose() => DirectoryRemover.DeleteQuietly(Root);
}
