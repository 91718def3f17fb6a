using System.Runtime.InteropServices;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The private directory one staging works in, under TMPDIR. Its <see cref="DropletRoot"/> is laid out like an
/// extracted Cloud Foundry droplet; everything is deleted when the staging ends, whatever happened.
/// </summary>
internal sealed class StagingWorkspace : IDisposable
{
    // Held open (so locked) for the workspace's life: a workspace whose owner file can be locked was left by a dead staging.
    private const string OwnerFile = ".owner";
    private const string Prefix = "buildpacks-";

    private FileStream? _owner;
    private bool _mounted;
    private string? _overlayFailure;

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
        OverlayDirectory = Path.Combine(root, "overlay");
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

    /// <summary>The upper and work directories of the build directory's overlay, outside the droplet's tree.</summary>
    public string OverlayDirectory { get; }

    public static StagingWorkspace Create()
    {
        // Unique per staging: parallel stagings (MSBuild runs projects in parallel) must not share
        // paths, and some buildpacks write to $TMPDIR by fixed names.
        SweepAbandoned();
        var workspace = new StagingWorkspace(Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]));
        try
        {
            workspace.Write(() =>
            {
                workspace._owner = ClaimOwnership(workspace.Root);
                foreach (var directory in new[]
                         {
                             workspace.DropletRoot, workspace.DepsDirectory, workspace.ProfileDirectory, Path.Combine(workspace.DropletRoot, "tmp"),
                             Path.Combine(workspace.DropletRoot, "logs"), workspace.EnvDirectory, workspace.BuildpacksDirectory,
                             workspace.HomeDirectory, workspace.TempDirectory,
                         })
                {
                    Directory.CreateDirectory(directory);
                }
            });
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    public string BuildpackDirectory(string name) => Path.Combine(BuildpacksDirectory, name);

    /// <summary>
    /// Makes <see cref="BuildDirectory"/> hold the app without the filtered entries, warning about the fifos, sockets and
    /// devices it leaves out: an overlay over the app where this machine can mount one (nothing copied), else a copy on
    /// all cores, else a copy. An entry that cannot be read is the user's to fix, a full TMPDIR too.
    /// </summary>
    public void PrepareBuildDirectory(string appDirectory, Func<string, bool> exclude, StagingTreeMode mode, IStagingLog log)
    {
        IReadOnlyList<SkippedFile> skipped;
        try
        {
            skipped = Overlaid(appDirectory, exclude, mode, log) ?? Copied(appDirectory, exclude, mode, log);
        }
        catch (CopyFailure ex) when (ex.IsReading)
        {
            throw ex.Unreadable("The app", ", or move it out of the app directory");
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw Unwritable(ex);
        }

        SpecialFileWarning.ForApp(log, skipped, appDirectory);
    }

    private IReadOnlyList<SkippedFile>? Overlaid(string appDirectory, Func<string, bool> exclude, StagingTreeMode mode, IStagingLog log)
    {
        // Only root may mount; trying as another user would only fail.
        if (!mode.TriesOverlay())
        {
            return null;
        }

        var error = AppOverlay.Mount(appDirectory, BuildDirectory, OverlayDirectory, exclude, out var skipped);
        if (error == 0)
        {
            _mounted = true;
            (log as IStagingDetail)?.Detail("The app directory is staged through an overlay mount; nothing was copied");
            return skipped;
        }

        if (mode == StagingTreeMode.Overlay)
        {
            throw StagingTreeModes.OverlayUnavailable("app directory", appDirectory, error);
        }

        _overlayFailure = Marshal.GetPInvokeErrorMessage(error);
        return null;
    }

    private IReadOnlyList<SkippedFile> Copied(string appDirectory, Func<string, bool> exclude, StagingTreeMode mode, IStagingLog log)
    {
        var parallelism = mode.CopyThreads();
        var skipped = DirectoryCopier.Copy(appDirectory, BuildDirectory, exclude, parallelism);
        var why = _overlayFailure is null ? "" : $" (no overlay mount: {_overlayFailure})";
        (log as IStagingDetail)?.Detail(parallelism > 1 ? $"The app directory was copied for staging on {parallelism} threads{why}" : $"The app directory was copied for staging{why}");
        return skipped;
    }

    /// <summary>Runs a write into the workspace; a failure is a coded error about TMPDIR.</summary>
    public void Write(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw Unwritable(ex);
        }
    }

    public void Dispose()
    {
        // Never delete through a mount that stays: deleting in the merged tree would only hide the app's files, but a
        // workspace that keeps a mount is left for the sweep rather than half deleted.
        if (!_mounted || OverlayMount.UnmountAllBelow(Root))
        {
            DirectoryRemover.DeleteQuietly(Root);
        }

        _owner?.Dispose();
    }

    // The owner file appears under its name already locked (locked under a temporary name, then renamed), so a sweep
    // never sees a live workspace's owner file unlocked.
    private static FileStream ClaimOwnership(string root)
    {
        Directory.CreateDirectory(root);
        var claiming = Path.Combine(root, ".owner-" + Guid.NewGuid().ToString("N"));
        var owner = new FileStream(claiming, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        File.Move(claiming, Path.Combine(root, OwnerFile));
        return owner;
    }

    /// <summary>
    /// Removes the workspaces in TMPDIR that stagings killed with SIGKILL left: those whose owner file can be locked,
    /// because the kernel released its owner's lock when the owner died. Best effort; never fails a staging.
    /// </summary>
    private static void SweepAbandoned()
    {
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                var owner = Path.Combine(directory, OwnerFile);
                if (!File.Exists(owner))
                {
                    continue; // being created, from an older version, or not ours: only a proven leftover goes
                }

                try
                {
                    using var probe = new FileStream(owner, FileMode.Open, FileAccess.Read, FileShare.None);
                    if (OverlayMount.UnmountAllBelow(directory))
                    {
                        DirectoryRemover.DeleteQuietly(directory);
                    }
                }
                catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
                {
                    // A live staging holds it, or it went meanwhile.
                }
            }
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            // TMPDIR cannot be listed: creating the workspace says so with a coded error.
        }
    }

    /// <summary>The coded error for a write into the workspace that failed: TMPDIR is full, read-only or not ours.</summary>
    public BuildpackException Unwritable(Exception ex)
    {
        var temp = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        var remedy = FileSystemErrors.IsOutOfSpace(ex)
            ? "Free space there, or point TMPDIR at a file system with room for a copy of the app and what the buildpacks install"
            : "Point TMPDIR at a directory you can write to";
        return new BuildpackException(
            ErrorCodes.WorkspaceUnwritable,
            $"The staging workspace '{Root}' in the temporary directory (TMPDIR) cannot be written: {FileSystemErrors.Cause(ex, temp)}. {remedy}.",
            temp,
            CfExitCodes.Other,
            ex);
    }
}
