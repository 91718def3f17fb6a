using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// What one staging writes: the droplet, result.json and the cache. <see cref="Check"/> decides and checks every
/// destination before anything runs, so a wrong path costs nothing and destroys nothing. The droplet and result.json
/// are written to temporary files beside their destinations; <see cref="Commit"/> renames them into place, with the
/// cache, only once all of them are written, the droplet last. A failure on the way leaves an earlier droplet byte
/// for byte, and disposing removes every temporary file.
/// </summary>
internal sealed class StagingOutputs : IDisposable
{
    private readonly List<string> _temporaries = [];
    private readonly List<FileStream> _held = [];
    private string? _resultTemporary;

    private StagingOutputs(string dropletPath, string? resultPath, string? cacheDirectory)
    {
        DropletPath = dropletPath;
        ResultPath = resultPath;
        CacheDirectory = cacheDirectory;
        DropletTemporary = DropletWriter.TemporaryPath(dropletPath);
        _temporaries.Add(DropletTemporary);
    }

    /// <summary>The droplet's full path.</summary>
    public string DropletPath { get; }

    /// <summary>result.json's full path, when one was asked for.</summary>
    public string? ResultPath { get; }

    /// <summary>The cache directory's real path, when one was given.</summary>
    public string? CacheDirectory { get; }

    /// <summary>Where the droplet is packed before it is renamed onto <see cref="DropletPath"/>.</summary>
    public string DropletTemporary { get; }

    /// <summary>Checks every destination of <paramref name="request"/>; throws a coded error for the first that cannot be used.</summary>
    public static StagingOutputs Check(StagingRequest request, string? buildpackCacheDirectory)
    {
        var droplet = OutputFileCheck.Check(request.OutputPath, "droplet", "app.droplet.tgz");
        var outputs = new List<(string Label, string Path)> { ("the droplet", RealLocation(droplet)) };
        string? result = null;
        if (request.ResultPath is not null)
        {
            result = OutputFileCheck.Check(request.ResultPath, "result file", "result.json");
            if (RealLocation(result) == outputs[0].Path)
            {
                throw new BuildpackException(
                    ErrorCodes.OutputPathUnusable,
                    $"The result file and the droplet are the same file '{droplet}'. Give result.json a path of its own; nothing was staged.",
                    result);
            }

            outputs.Add(("the result file", RealLocation(result)));
        }

        var cache = string.IsNullOrEmpty(request.CacheDirectory) ? null : CachePlacement.Check(request, request.CacheDirectory, outputs, buildpackCacheDirectory);
        StaleTemporaries.Sweep(droplet);
        if (result is not null)
        {
            StaleTemporaries.Sweep(result);
        }

        return new StagingOutputs(droplet, result, cache);
    }

    /// <summary>Writes result.json beside its destination, when one was asked for.</summary>
    public void WriteResult(StagingOutcome outcome)
    {
        if (ResultPath is null)
        {
            return;
        }

        var temporary = DropletWriter.TemporaryPath(ResultPath);
        _temporaries.Add(temporary);
        GuardResult("the droplet and the cache were left as they were", () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            Hold(file);
            file.Write(MetadataWriter.Result(outcome));
            file.Flush(flushToDisk: true);
        });
        _resultTemporary = temporary;
    }

    /// <summary>
    /// Keeps a temporary file open, and so exclusively locked, until the staging ends: the lock tells another staging
    /// that the file is not the leftover of a killed one (<see cref="StaleTemporaries"/>).
    /// </summary>
    public void Hold(FileStream file) => _held.Add(file);

    /// <summary>Puts everything written in place: the cache, result.json, and the droplet last.</summary>
    public void Commit(CacheSession cache)
    {
        cache.Commit();
        if (_resultTemporary is { } result)
        {
            GuardResult("the cache was saved, the droplet left as it was", () => File.Move(result, ResultPath!, overwrite: true));
        }

        try
        {
            File.Move(DropletTemporary, DropletPath, overwrite: true);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw DropletWriter.WriteFailed(DropletPath, ex);
        }

        _temporaries.Clear();
    }

    /// <summary>
    /// Cloud Foundry writes result.json also when a staging fails after detection. Unless <paramref name="failure"/> was
    /// about result.json itself, it is written here; when that fails too, the staging's own failure is the one to
    /// report, and this one becomes a warning.
    /// </summary>
    public void WriteResultOfFailure(StagingOutcome outcome, Exception failure, IStagingLog log)
    {
        if (ResultPath is null || failure is BuildpackException { Code: ErrorCodes.OutputPathUnusable } about && about.File == ResultPath)
        {
            return;
        }

        try
        {
            WriteResult(outcome);
            GuardResult("the droplet and the cache were left as they were", () => File.Move(_resultTemporary!, ResultPath, overwrite: true));
        }
        catch (BuildpackException ex)
        {
            log.Warning(new BuildpackDiagnostic(ex.Code, ex.Message, ex.File));
        }
    }

    public void Dispose()
    {
        foreach (var file in _held)
        {
            try
            {
                file.Dispose();
            }
            catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
            {
                // Closing flushes what a failed write left in the buffer, which fails again (disk full): the file is
                // deleted below, and the failure that stopped the staging is the one to report.
            }
        }

        foreach (var temporary in _temporaries)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
            {
                // Best effort: the failure being reported matters more than a hidden file left beside an output.
            }
        }
    }

    // An output file is replaced by a rename, which replaces a symlink rather than its target: its real location is
    // its folder's real path and its own name.
    private static string RealLocation(string fullPath) => Path.Combine(RealPath.Of(Path.GetDirectoryName(fullPath)!), Path.GetFileName(fullPath));

    private void GuardResult(string state, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw new BuildpackException(
                ErrorCodes.OutputPathUnusable,
                $"The result file '{ResultPath}' could not be written: {FileSystemErrors.Cause(ex, ResultPath!)}. Give result.json a path in a folder " +
                $"you can write to; {state}.",
                ResultPath,
                CfExitCodes.Other,
                ex);
        }
    }
}
