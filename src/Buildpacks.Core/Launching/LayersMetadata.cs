using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Launching;

/// <summary>The buildpack order of CNB launch layers, from the lifecycle's <c>layers/config/metadata.toml</c>.</summary>
internal static class LayersMetadata
{
    /// <summary>The droplet-relative path of the file.</summary>
    public const string RelativePath = "layers/config/metadata.toml";

    /// <summary>
    /// The <c>layers/</c> directory names of <c>[[buildpacks]]</c>, in order (the lifecycle writes a buildpack
    /// <c>a/b</c> into <c>layers/a_b</c>); empty when there is no file.
    /// </summary>
    /// <param name="toml">The file's text, or null when the droplet has none.</param>
    /// <param name="path">The file errors point at.</param>
    public static IReadOnlyList<string> BuildpackOrder(string? toml, string path)
    {
        if (toml is null)
        {
            return [];
        }

        try
        {
            var order = new List<string>();
            foreach (var buildpack in TomlReader.Parse(toml).GetArray("buildpacks") ?? Enumerable.Empty<object>())
            {
                if (buildpack is TomlTable table && table.GetString("id") is { } id)
                {
                    order.Add(id.Replace('/', '_'));
                }
            }

            return order;
        }
        catch (TomlException ex)
        {
            throw new BuildpackException(
                ErrorCodes.InvalidLayersMetadata,
                $"The droplet's {RelativePath} cannot be read ({ex.Message}), so the order of its launch layers is unknown. Restage the app.",
                path,
                CfExitCodes.Other,
                ex);
        }
    }
}
