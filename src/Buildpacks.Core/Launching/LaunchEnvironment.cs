using System.Globalization;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Launching;

/// <summary>
/// The environment a process starts from, before layers, exec.d and profile scripts change it: a few host
/// variables the machine's tools need, the release's <c>config_vars</c> as defaults, the platform's variables,
/// then the caller's overrides.
/// </summary>
internal static class LaunchEnvironment
{
    public static Dictionary<string, string> Build(
        DropletLayout layout,
        string root,
        string appDirectory,
        string processType,
        int port,
        string appName,
        IReadOnlyDictionary<string, string> configVars,
        IReadOnlyDictionary<string, string> overrides)
    {
        var environment = HostVariables.Read(HostVariables.Launching);

        environment.TryAdd("PATH", "/usr/local/bin:/usr/bin:/bin");
        foreach (var (name, value) in configVars)
        {
            environment[name] = value;
        }

        var portText = port.ToString(CultureInfo.InvariantCulture);
        environment["HOME"] = appDirectory;
        environment["PORT"] = portText;
        if (layout == DropletLayout.CloudFoundry)
        {
            environment["TMPDIR"] = Path.Combine(root, "tmp");
            environment["DEPS_DIR"] = Path.Combine(root, "deps");
            environment["LANG"] = "en_US.UTF-8";
            environment["MEMORY_LIMIT"] = "1024m";
            environment["INSTANCE_INDEX"] = "0";
            environment["CF_INSTANCE_PORT"] = portText;
            environment["VCAP_APPLICATION"] = VcapApplication.Json(appName, port);
            environment["VCAP_SERVICES"] = "{}";
        }
        else
        {
            environment["DYNO"] = processType + ".1";
        }

        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return environment;
    }
}
