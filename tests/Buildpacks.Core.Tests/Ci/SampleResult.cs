using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Ci;

/// <summary>A staging result with a supply and a final buildpack, for reporter and summary tests.</summary>
internal static class SampleResult
{
    public static StagingResult Create(string dropletPath = "/out/app.droplet.tgz", string web = "dotnet HelloWeb.dll | tee log") => new()
    {
        DropletPath = dropletPath,
        Sha256 = "ab12",
        Size = 1234567,
        Layout = DropletLayout.CloudFoundry,
        DetectedBuildpack = "dotnet",
        StartCommand = web,
        ProcessTypes = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["web"] = web, ["worker"] = "run_worker" },
        ConfigVars = new Dictionary<string, string>(),
        Buildpacks =
        [
            new StagedBuildpack("/bp/node", "node", "1.2.3") { Identity = new BuildpackIdentity("directory", "sha256:aa") },
            new StagedBuildpack("/bp/dotnet", "dotnet_*core*", null) { Identity = new BuildpackIdentity("git", "0123abc") },
        ],
        Timings =
        [
            new PhaseTiming(StagingPhase.Supply, "node", TimeSpan.FromSeconds(1.24)),
            new PhaseTiming(StagingPhase.Finalize, "dotnet", TimeSpan.FromSeconds(12)),
            new PhaseTiming(StagingPhase.Pack, "", TimeSpan.FromSeconds(0.06)),
        ],
        Warnings = [],
    };
}
