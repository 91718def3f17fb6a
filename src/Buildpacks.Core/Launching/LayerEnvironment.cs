namespace Buildpacks.Core.Launching;

/// <summary>
/// Applies CNB launch layers to an environment as the lifecycle's launcher does: per buildpack, every layer's
/// <c>bin</c> and <c>lib</c> go in front of <c>PATH</c> and <c>LD_LIBRARY_PATH</c>, then every layer's
/// <c>env/</c>, <c>env.launch/</c> and <c>env.launch/&lt;process-type&gt;/</c> files, layers in ordinal order.
/// </summary>
internal static class LayerEnvironment
{
    /// <summary>Modifies <paramref name="environment"/> with the layers of <paramref name="layersDirectory"/>.</summary>
    /// <param name="environment">The environment built so far; changed in place.</param>
    /// <param name="layersDirectory">The droplet's <c>layers</c> directory (nothing happens when it does not exist).</param>
    /// <param name="buildpackOrder">Buildpack directories in order; empty: every directory, ordinal order.</param>
    /// <param name="processType">The process type being launched.</param>
    public static void Apply(IDictionary<string, string> environment, string layersDirectory, IReadOnlyList<string> buildpackOrder, string processType)
    {
        if (!Directory.Exists(layersDirectory))
        {
            return;
        }

        var buildpacks = buildpackOrder.Count > 0
            ? buildpackOrder
            : [.. SubDirectories(layersDirectory).Where(name => name is not ("config" or "sbom"))];
        foreach (var buildpack in buildpacks)
        {
            var buildpackDirectory = Path.Combine(layersDirectory, buildpack);
            if (!Directory.Exists(buildpackDirectory))
            {
                continue;
            }

            var layers = SubDirectories(buildpackDirectory).Select(name => Path.Combine(buildpackDirectory, name)).ToList();
            foreach (var layer in layers)
            {
                PrependIfExists(environment, "PATH", Path.Combine(layer, "bin"));
                PrependIfExists(environment, "LD_LIBRARY_PATH", Path.Combine(layer, "lib"));
            }

            foreach (var layer in layers)
            {
                ApplyEnvDirectory(environment, Path.Combine(layer, "env"));
                ApplyEnvDirectory(environment, Path.Combine(layer, "env.launch"));
                ApplyEnvDirectory(environment, Path.Combine(layer, "env.launch", processType));
            }
        }
    }

    /// <summary>
    /// Applies one env directory: the file name is the variable, its suffix the action. <c>.override</c> and no
    /// suffix set the value; <c>.default</c> sets it only when unset or empty; <c>.prepend</c> and <c>.append</c>
    /// join it to the current value with the content of <c>NAME.delim</c>, or with nothing when there is no delim
    /// file. Contents are taken byte for byte (a trailing newline is part of the value). Files apply in ordinal order.
    /// </summary>
    public static void ApplyEnvDirectory(IDictionary<string, string> environment, string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var files = new DirectoryInfo(directory).EnumerateFiles().Select(f => f.Name).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var dot = file.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? file : file[..dot];
            var action = dot < 0 ? "" : file[(dot + 1)..];
            if (name.Length == 0)
            {
                continue;
            }

            var value = File.ReadAllText(Path.Combine(directory, file));
            var current = environment.TryGetValue(name, out var existing) ? existing : "";
            switch (action)
            {
                case "" or "override":
                    environment[name] = value;
                    break;
                case "default":
                    if (current.Length == 0)
                    {
                        environment[name] = value;
                    }

                    break;
                case "prepend":
                    environment[name] = current.Length == 0 ? value : value + Delimiter(directory, name) + current;
                    break;
                case "append":
                    environment[name] = current.Length == 0 ? value : current + Delimiter(directory, name) + value;
                    break;
            }
        }
    }

    private static string Delimiter(string directory, string name)
    {
        var path = Path.Combine(directory, name + ".delim");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private static void PrependIfExists(IDictionary<string, string> environment, string name, string directory)
    {
        if (Directory.Exists(directory))
        {
            environment[name] = environment.TryGetValue(name, out var current) && current.Length > 0 ? directory + ":" + current : directory;
        }
    }

    private static IEnumerable<string> SubDirectories(string directory) =>
        new DirectoryInfo(directory).EnumerateDirectories().Select(d => d.Name).Order(StringComparer.Ordinal);
}
