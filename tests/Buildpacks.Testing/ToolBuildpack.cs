using System.Security.Cryptography;
using System.Text;

namespace Buildpacks.Testing;

/// <summary>
/// A buildpack whose manifest lists one dependency (<see cref="Tool"/>, served by the test) and whose compile installs
/// the file the packaged manifest's <c>file</c> key points at, as a cached Cloud Foundry buildpack does offline.
/// </summary>
public static class ToolBuildpack
{
    /// <summary>The dependency's bytes.</summary>
    public static readonly byte[] Tool = Encoding.UTF8.GetBytes("packaged tool 2.0.1\n");

    /// <summary>Where compile puts the dependency in the droplet.</summary>
    public const string InstalledPath = "./app/installed-tool.txt";

    /// <summary>Creates <c>tool-buildpack</c> (VERSION 3.1.0, stack cflinuxfs4) in <paramref name="temp"/>, its dependency at <paramref name="uri"/>.</summary>
    public static string Create(TempDirectory temp, string uri)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var buildpack = temp.CreateBuildpack(
            "tool-buildpack",
            ("detect", "echo tool; exit 0"),
            ("compile", """
                set -euo pipefail
                bp_dir=$(cd "$(dirname "$0")/.." && pwd)
                file=$(sed -n 's|^ *file: *||p' "$bp_dir/manifest.yml")
                cp "$bp_dir/$file" "$1/installed-tool.txt"
                """),
            ("release", "echo '--- {}'"));
        File.WriteAllText(Path.Combine(buildpack, "VERSION"), "3.1.0");
        File.WriteAllText(Path.Combine(buildpack, "manifest.yml"), $"""
            language: tool
            stack: cflinuxfs4
            default_versions:
            - name: tool
              version: 2.0.1
            dependencies:
            - name: tool
              version: 2.0.1
              uri: {uri}
              sha256: {Convert.ToHexStringLower(SHA256.HashData(Tool))}
              cf_stacks: [cflinuxfs4]
            """);
        return buildpack;
    }
}
