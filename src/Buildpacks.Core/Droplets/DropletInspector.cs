using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Release;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Droplets;

/// <summary>Reads a droplet without extracting it.</summary>
public static class DropletInspector
{
    /// <summary>Describes the droplet at <paramref name="path"/>.</summary>
    public static DropletInfo Inspect(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"The droplet '{full}' does not exist.", full);
        }

        var entries = new List<string>();
        var files = 0;
        string? stagingInfo = null;
        string? release = null;
        string? procfile = null;
        try
        {
            using var stream = File.OpenRead(full);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                entries.Add(entry.Name);
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    files++;
                    switch (entry.Name)
                    {
                        case "./staging_info.yml":
                            stagingInfo = ReadText(entry);
                            break;
                        case "./.release":
                            release = ReadText(entry);
                            break;
                        case "./Procfile":
                            procfile = ReadText(entry);
                            break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"'{full}' is not a droplet (a gzipped tar): {ex.Message}", full, CfExitCodes.Other, ex);
        }

        var isCloudFoundry = stagingInfo is not null && entries.Contains("./app/");
        var (detected, processTypes) = isCloudFoundry
            ? FromStagingInfo(stagingInfo!, full)
            : ("", FromSlug(release, procfile));
        return new DropletInfo
        {
            Path = full,
            Size = new FileInfo(full).Length,
            Sha256 = Sha256Of(full),
            Layout = isCloudFoundry ? DropletLayout.CloudFoundry : DropletLayout.Heroku,
            FileCount = files,
            DetectedBuildpack = detected,
            StartCommand = processTypes.GetValueOrDefault("web", ""),
            ProcessTypes = processTypes,
            Entries = entries,
        };
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static (string Detected, SortedDictionary<string, string> ProcessTypes) FromStagingInfo(string json, string path)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var detected = root.TryGetProperty("detected_buildpack", out var d) ? d.GetString() ?? "" : "";
            if (root.TryGetProperty("process_types", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in map.EnumerateObject())
                {
                    types[property.Name] = property.Value.GetString() ?? "";
                }
            }
            else if (root.TryGetProperty("start_command", out var start) && start.GetString() is { Length: > 0 } command)
            {
                // A droplet staged by Cloud Foundry itself carries only the web command.
                types["web"] = command;
            }

            return (detected, types);
        }
        catch (JsonException ex)
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"The droplet's staging_info.yml is not valid JSON: {ex.Message}", path, CfExitCodes.Other, ex);
        }
    }

    private static SortedDictionary<string, string> FromSlug(string? release, string? procfile)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (release is not null)
        {
            foreach (var (type, command) in ReleaseParser.Parse(release, ".release").DefaultProcessTypes)
            {
                types[type] = command;
            }
        }
        else if (procfile is not null)
        {
            foreach (var (type, command) in Procfile.Parse(procfile))
            {
                types[type] = command;
            }
        }

        return types;
    }

    private static string ReadText(TarEntry entry)
    {
        if (entry.DataStream is null)
        {
            return "";
        }

        using var reader = new StreamReader(entry.DataStream, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
