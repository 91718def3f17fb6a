using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Droplets;

/// <summary>Reads a droplet without extracting it.</summary>
public static class DropletInspector
{
    // The most of one metadata file (staging_info.yml, .release, a Procfile, metadata.toml) read into memory.
    private const long MaxMetadataBytes = 1 << 20;

    /// <summary>Describes the droplet at <paramref name="path"/>.</summary>
    public static DropletInfo Inspect(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        DropletFile.EnsureRegular(full, "");

        var entries = new List<string>();
        var nonDirectories = new List<string>();
        var files = 0;
        string? stagingInfo = null;
        string? release = null;
        string? procfile = null;
        string? appProcfile = null;
        string? layersMetadata = null;
        try
        {
            using var stream = File.OpenRead(full);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                entries.Add(entry.Name);
                if (entry.EntryType != TarEntryType.Directory)
                {
                    nonDirectories.Add(entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name);
                }

                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    files++;
                    switch (entry.Name)
                    {
                        case "./staging_info.yml":
                            stagingInfo = ReadText(entry, full);
                            break;
                        case "./.release":
                            release = ReadText(entry, full);
                            break;
                        case "./Procfile":
                            procfile = ReadText(entry, full);
                            break;
                        case "./app/Procfile":
                            appProcfile = ReadText(entry, full);
                            break;
                        case "./" + LayersMetadata.RelativePath:
                            layersMetadata = ReadText(entry, full);
                            break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"'{full}' is not a droplet: a droplet is a gzipped tar archive (.tgz), as 'buildpacks stage' writes. Reading it failed with: {ex.Message}", full, CfExitCodes.Other, ex);
        }

        if (entries.Count == 0)
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"'{full}' is not a droplet: it is an empty archive. Stage the app again.", full);
        }

        var isCloudFoundry = stagingInfo is not null && entries.Contains("./app/");
        var layout = isCloudFoundry ? DropletLayout.CloudFoundry : DropletLayout.Heroku;
        var metadata = isCloudFoundry
            ? LaunchMetadata.FromStagingInfo(stagingInfo!, appProcfile, full, full)
            : LaunchMetadata.FromSlug(release, procfile, full, full);
        return new DropletInfo
        {
            Path = full,
            Size = new FileInfo(full).Length,
            Sha256 = Sha256Of(full),
            Layout = layout,
            FileCount = files,
            DetectedBuildpack = metadata.DetectedBuildpack,
            StartCommand = metadata.ProcessTypes.GetValueOrDefault("web", ""),
            ProcessTypes = metadata.ProcessTypes,
            Entries = entries,
            LaunchScripts = LaunchScriptFinder.Find(nonDirectories, layout, LayersMetadata.BuildpackOrder(layersMetadata, full)),
        };
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // The metadata files are small text; a droplet could hold gigabytes under their names (a bomb compresses well).
    private static string ReadText(TarEntry entry, string droplet)
    {
        if (entry.DataStream is null)
        {
            return "";
        }

        if (entry.Length > MaxMetadataBytes)
        {
            throw new BuildpackException(
                ErrorCodes.DropletMetadataTooLarge,
                $"'{droplet}' holds '{entry.Name}' of {entry.Length} bytes; the engine reads at most {MaxMetadataBytes >> 20} MiB of it, as no stager writes more. " +
                "The droplet is damaged or not made by a buildpack stager: stage the app again.",
                droplet);
        }

        using var reader = new StreamReader(entry.DataStream, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
