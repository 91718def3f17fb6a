using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Buildpacks.Cli.Commands;
using Buildpacks.Core;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;
using Buildpacks.Tasks;
using Cake.Common.Tools.DotNet.Publish;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Cake.Buildpacks.Tests;

/// <summary>
/// Every <see cref="StagingRequest"/> setting must be reachable from every door, reach the MSBuild incremental
/// fingerprint and be in the README. A new request property without a row in <see cref="Rows"/> fails the first
/// test; a row naming an option, parameter, property or README entry that is not there fails its door's test.
/// </summary>
public sealed partial class RequestSettingsDriftTests
{
    /// <summary>
    /// One row per request property: how each door spells it. <paramref name="Cli"/> are options (or the argument) of
    /// <c>buildpacks stage</c>; <paramref name="TaskParameters"/> properties of <see cref="BuildpackStagingTask"/>;
    /// <paramref name="MSBuild"/> the properties and items a project sets, which the targets pass to those parameters;
    /// <paramref name="Cake"/> properties of both <see cref="BuildpackStageSettings"/> and <see cref="BuildpackStagingSettings"/>,
    /// <paramref name="CakeMethods"/> their fluent setters; <paramref name="PublishProperties"/> the MSBuild properties
    /// <c>WithBuildpackStaging</c> sets from them.
    /// </summary>
    private sealed record Row(string Property, string[] Cli, string[] TaskParameters, string[] MSBuild, string[] Cake, string[] CakeMethods, string[] PublishProperties);

    private static readonly Row[] Rows =
    [
        // Cake takes the app directory as the BuildpackStage argument, and publishing as DotNetPublishSettings.OutputDirectory:
        // The_app_directory_is_an_argument_in_Cake checks those.
        new(nameof(StagingRequest.AppDirectory), ["APP_DIR"], ["AppDirectory"], ["PublishDir"], [], [], []),
        new(nameof(StagingRequest.OutputPath), ["--output"], ["DropletPath"], ["BuildpackDropletPath"], ["DropletPath"], ["SetDropletPath"], ["BuildpackDropletPath"]),
        new(nameof(StagingRequest.Buildpacks), ["--buildpack"], ["Buildpacks"], ["Buildpack"], ["Buildpacks"], ["WithBuildpack"], ["Buildpack"]),
        new(nameof(StagingRequest.Candidates), ["--candidate"], ["Candidates"], ["BuildpackCandidates"], ["Candidates"], ["WithCandidate"], ["BuildpackCandidates"]),
        new(nameof(StagingRequest.CacheDirectory), ["--cache-dir"], ["CacheDirectory"], ["BuildpackCacheDirectory"], ["CacheDirectory"], ["SetCacheDirectory"], ["BuildpackCacheDirectory"]),
        new(
            nameof(StagingRequest.Environment),
            ["--env", "--env-file"],
            ["EnvironmentVariables", "VariableAssignments", "EnvironmentFiles"],
            ["BuildpackEnvironmentVariable", "BuildpackEnvironment", "BuildpackEnvironmentFile"],
            ["EnvironmentVariables", "EnvironmentFiles"],
            ["WithEnvironmentVariable", "WithEnvironmentFile"],
            ["BuildpackEnvironment", "BuildpackEnvironmentFile"]),
        new(nameof(StagingRequest.Stack), ["--stack"], ["Stack"], ["BuildpackStack"], ["Stack"], ["SetStack"], ["BuildpackStack"]),
        new(nameof(StagingRequest.Layout), ["--layout"], ["Layout"], ["BuildpackLayout"], ["Layout"], ["SetLayout"], ["BuildpackLayout"]),
        new(nameof(StagingRequest.ProcfileMode), ["--procfile-mode"], ["ProcfileMode"], ["BuildpackProcfileMode"], ["ProcfileMode"], ["SetProcfileMode"], ["BuildpackProcfileMode"]),
        new(
            nameof(StagingRequest.ProcessTypes),
            ["--process"],
            ["ProcessTypes", "ProcessTypeAssignments"],
            ["BuildpackProcessType", "BuildpackProcessTypes"],
            ["ProcessTypes"],
            ["WithProcessType"],
            ["BuildpackProcessTypes"]),
        new(nameof(StagingRequest.Timeout), ["--timeout"], ["Timeout"], ["BuildpackTimeout"], ["Timeout"], ["SetTimeout"], ["BuildpackTimeout"]),
        new(nameof(StagingRequest.ResultPath), ["--result"], ["ResultPath"], ["BuildpackResultPath"], ["ResultPath"], ["SetResultPath"], ["BuildpackResultPath"]),
        new(nameof(StagingRequest.Timestamp), ["--timestamp"], ["Timestamp"], ["BuildpackTimestamp"], ["Timestamp"], ["SetTimestamp"], ["BuildpackTimestamp"]),
        new(nameof(StagingRequest.ApplicationName), ["--app-name"], ["ApplicationName"], ["BuildpackApplicationName"], ["ApplicationName"], ["SetApplicationName"], ["BuildpackApplicationName"]),
        new(nameof(StagingRequest.ManifestPath), ["--manifest"], ["ManifestPath"], ["BuildpackManifest"], ["ManifestPath"], ["SetManifestPath"], ["BuildpackManifest"]),
        new(nameof(StagingRequest.PreStagingHooks), ["--pre-staging"], ["PreStagingHooks", "PreStagingHookList"], ["BuildpackPreStagingHook", "BuildpackPreStagingHooks"], ["PreStagingHooks"], ["WithPreStagingHook"], ["BuildpackPreStagingHooks"]),
        new(nameof(StagingRequest.PostStagingHooks), ["--post-staging"], ["PostStagingHooks", "PostStagingHookList"], ["BuildpackPostStagingHook", "BuildpackPostStagingHooks"], ["PostStagingHooks"], ["WithPostStagingHook"], ["BuildpackPostStagingHooks"]),
        new(nameof(StagingRequest.Platform), ["--platform"], ["Platform"], ["BuildpackPlatform"], ["Platform"], ["SetPlatform"], ["BuildpackPlatform"]),
        new(nameof(StagingRequest.ManifestApplication), ["--app"], ["ManifestApplication"], ["BuildpackManifestApplication"], ["ManifestApplication"], ["SetManifestApplication"], ["BuildpackManifestApplication"]),
        new(nameof(StagingRequest.LockFile), ["--lock-file"], ["LockFile"], ["BuildpackLockFile"], ["LockFile"], ["SetLockFile"], ["BuildpackLockFile"]),
        new(nameof(StagingRequest.StackImage), ["--stack-image"], ["StackImage"], ["BuildpackStackImage"], ["StackImage"], ["SetStackImage"], ["BuildpackStackImage"]),
        new(nameof(StagingRequest.ContainerEngine), ["--container-engine"], ["ContainerEngine"], ["BuildpackContainerEngine"], ["ContainerEngine"], ["SetContainerEngine"], ["BuildpackContainerEngine"]),
    ];

    /// <summary>
    /// Engine options every door binds as well (<see cref="BuildpackEngineOptions"/>, not request fields): the same
    /// door checks apply, the request and fingerprint checks do not.
    /// </summary>
    private static readonly Row[] EngineRows =
    [
        new(nameof(BuildpackEngineOptions.BuildpackCacheDirectory), ["--buildpack-cache"], ["BuildpackCacheRoot"], ["BuildpackCacheRoot"], ["BuildpackCacheRoot"], ["SetBuildpackCacheRoot"], ["BuildpackCacheRoot"]),
        new(nameof(BuildpackEngineOptions.Offline), ["--offline"], ["Offline"], ["BuildpackOffline"], ["Offline"], ["UseOffline"], ["BuildpackOffline"]),
    ];

    private static Row[] DoorRows => [.. Rows, .. EngineRows];

    /// <summary>Request properties that legitimately leave the fingerprint alone, and why.</summary>
    private static readonly Dictionary<string, string> NotFingerprinted = new(StringComparer.Ordinal)
    {
        [nameof(StagingRequest.Timeout)] = "it only bounds how long staging runs; a staging that ran out of time left no droplet, so the next build stages anyway",
        [nameof(StagingRequest.ContainerEngine)] = "it only picks the CLI that drives the engine; the stack image, which is fingerprinted, decides what the scripts run on",
    };

    /// <summary>Stage settings of the Cake alias that are no staging setting, and why publishing has no counterpart.</summary>
    private static readonly Dictionary<string, string> CakeStageOnly = new(StringComparer.Ordinal)
    {
        [nameof(BuildpackStageSettings.SecretVariables)] = "it masks values in a CI runner's log, as --secret-env does; MSBuild logs stay plain MSBuild logging (issue 14), so a publish has no CI log of ours to mask in",
    };

    /// <summary>Task parameters that are no request setting: where the tasks keep their own files.</summary>
    private static readonly string[] TaskOwnParameters = ["ProjectFile", "InputsFile", "DropletInfoFile"];

    private static readonly string[] TaskElements = [nameof(StageBuildpack), nameof(ComputeBuildpackInputs)];

    [Fact]
    public void Every_request_property_has_a_row()
    {
        var properties = typeof(StagingRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();

        Assert.Empty(properties.Except(Rows.Select(r => r.Property)).Select(p => $"StagingRequest.{p} has no row in {nameof(Rows)}: give it a way in through every door"));
        Assert.Empty(Rows.Select(r => r.Property).Except(properties).Select(p => $"row {p} names no StagingRequest property"));
    }

    [Fact]
    public void Every_setting_is_an_option_of_buildpacks_stage()
    {
        var stage = CliApp.Create(new CliEnvironment(TextWriter.Null, TextWriter.Null, _ => null)).Subcommands.Single(c => c.Name == "stage");
        var names = stage.Options.SelectMany(o => o.Aliases.Append(o.Name)).Concat(stage.Arguments.Select(a => a.Name)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Missing(row => row.Cli, names.Contains));
    }

    [Fact]
    public void Every_setting_is_a_parameter_of_the_MSBuild_tasks_and_the_targets_pass_it_to_both()
    {
        var parameters = typeof(BuildpackStagingTask).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.DeclaringType == typeof(BuildpackStagingTask))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var targets = XDocument.Load(Path.Combine(Repository.Root, "src", "Buildpacks.Tasks", "build", "Buildpacks.Tasks.targets"));
        var privateProperties = targets.Descendants("PropertyGroup").Elements()
            .Where(e => e.Name.LocalName.StartsWith("_Buildpack", StringComparison.Ordinal))
            .GroupBy(e => e.Name.LocalName)
            .ToDictionary(g => g.Key, g => string.Concat(g.Select(e => e.Value)), StringComparer.Ordinal);

        Assert.Empty(Missing(row => row.TaskParameters, parameters.Contains));
        Assert.Empty(parameters.Except(DoorRows.SelectMany(r => r.TaskParameters)).Except(TaskOwnParameters).Select(p => $"task parameter {p} belongs to no row"));
        foreach (var element in TaskElements)
        {
            var task = targets.Descendants(element).Single();
            string Passed(Row row) => string.Concat(row.TaskParameters.Select(p => Expand((string?)task.Attribute(p) ?? "", privateProperties)));
            Assert.Empty(Missing(row => row.TaskParameters, p => task.Attribute(p) is not null).Select(m => $"{element}: {m}"));
            Assert.Empty(DoorRows.SelectMany(row => row.MSBuild
                .Where(name => !Passed(row).Contains($"$({name})", StringComparison.Ordinal) && !Passed(row).Contains($"@({name})", StringComparison.Ordinal))
                .Select(name => $"{element}: {row.Property}: the targets pass no $({name}) or @({name}) to {string.Join('/', row.TaskParameters)}")));
        }

        // The fingerprint task must see exactly what the staging task stages.
        var stage = targets.Descendants(nameof(StageBuildpack)).Single().Attributes().Where(a => !TaskOwnParameters.Contains(a.Name.LocalName));
        var inputs = targets.Descendants(nameof(ComputeBuildpackInputs)).Single().Attributes().Where(a => !TaskOwnParameters.Contains(a.Name.LocalName));
        Assert.Equal(stage.Select(a => $"{a.Name}={a.Value}").Order(), inputs.Select(a => $"{a.Name}={a.Value}").Order());
    }

    [Fact]
    public void Every_setting_is_on_BuildpackStageSettings_with_its_fluent_setter()
    {
        Assert.Empty(Missing(row => row.Cake, name => typeof(BuildpackStageSettings).GetProperty(name) is not null));
        Assert.Empty(Missing(row => row.CakeMethods, name => HasSetter(typeof(BuildpackStageSettingsExtensions), typeof(BuildpackStageSettings), name)));
        Assert.Empty(typeof(BuildpackStageSettings).GetProperties().Select(p => p.Name).Except(DoorRows.SelectMany(r => r.Cake)).Except(CakeStageOnly.Keys).Select(p => $"BuildpackStageSettings.{p} belongs to no row"));
    }

    [Fact]
    public void Every_setting_is_on_BuildpackStagingSettings_and_WithBuildpackStaging_sets_its_MSBuild_properties()
    {
        Assert.Empty(Missing(row => row.Cake, name => typeof(BuildpackStagingSettings).GetProperty(name) is not null));
        Assert.Empty(Missing(row => row.CakeMethods, name => HasSetter(typeof(BuildpackStagingSettingsExtensions), typeof(BuildpackStagingSettings), name)));
        Assert.Empty(typeof(BuildpackStagingSettings).GetProperties().Select(p => p.Name).Except(DoorRows.SelectMany(r => r.Cake)).Select(p => $"BuildpackStagingSettings.{p} belongs to no row"));
        foreach (var row in DoorRows.Where(r => r.Cake.Length > 0))
        {
            var staging = new BuildpackStagingSettings();
            foreach (var name in row.Cake)
            {
                GiveSample(staging, typeof(BuildpackStagingSettings).GetProperty(name)!);
            }

            var set = new DotNetPublishSettings().WithBuildpackStaging(staging).MSBuildSettings.Properties.Keys.Where(k => k != "StageWithBuildpack");

            Assert.True(set.Order().SequenceEqual(row.PublishProperties.Order()), $"{row.Property}: WithBuildpackStaging set [{string.Join(", ", set)}], the row says [{string.Join(", ", row.PublishProperties)}]");
            Assert.Empty(row.PublishProperties.Except(row.MSBuild).Select(p => $"{row.Property}: WithBuildpackStaging sets {p}, which the targets do not read for it"));
        }
    }

    [Fact]
    public void The_app_directory_is_an_argument_in_Cake()
    {
        Assert.Contains(typeof(BuildpacksAliases).GetMethod(nameof(BuildpacksAliases.BuildpackStage))!.GetParameters(), p => p.Name == "appDirectory" && p.ParameterType == typeof(DirectoryPath));
        Assert.NotNull(typeof(DotNetPublishSettings).GetProperty(nameof(DotNetPublishSettings.OutputDirectory)));
        Assert.Equal([nameof(StagingRequest.AppDirectory)], Rows.Where(r => r.Cake.Length == 0).Select(r => r.Property));
    }

    [Fact]
    public void Changing_any_setting_changes_the_fingerprint_but_the_ones_listed_with_a_reason()
    {
        var baseline = new StagingRequest { AppDirectory = "/drift/app", OutputPath = "/drift/app.droplet.tgz", Buildpacks = ["/drift/buildpack"] };
        var clone = typeof(StagingRequest).GetMethod("<Clone>$")!;
        var hash = StagingFingerprint.Compute(baseline);

        foreach (var property in typeof(StagingRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var changed = (StagingRequest)clone.Invoke(baseline, null)!;
            property.SetValue(changed, Changed(property, property.GetValue(baseline)));
            Assert.NotEqual(baseline, changed);

            if (NotFingerprinted.ContainsKey(property.Name))
            {
                Assert.True(hash == StagingFingerprint.Compute(changed), $"{property.Name} now changes the fingerprint: take it off {nameof(NotFingerprinted)}");
            }
            else
            {
                Assert.True(hash != StagingFingerprint.Compute(changed), $"changing {property.Name} leaves the fingerprint alone, so MSBuild would keep a stale droplet: record it in StagingFingerprint, or list it in {nameof(NotFingerprinted)} with the reason");
            }
        }
    }

    [Fact]
    public void Every_setting_is_in_the_README_tables()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var cli = Section(readme, "## The `buildpacks` command", "\n## ");
        var msbuild = Section(readme, "### Properties", "### Outputs");
        var cakeStage = Section(readme, "### Aliases", "### Staging inside `dotnet publish`");
        var cakePublish = Section(readme, "### Staging inside `dotnet publish`", "### Frosting");

        Assert.Empty(Missing(row => row.Cli, name => TableHas(cli, "`" + name)).Select(m => "README, buildpacks stage options: " + m));
        Assert.Empty(Missing(row => row.MSBuild, name => TableHas(msbuild, "`" + name + "`") || msbuild.Contains("<" + name + " ", StringComparison.Ordinal)).Select(m => "README, MSBuild properties and items: " + m));
        Assert.Empty(Missing(row => row.CakeMethods, name => TableHas(cakeStage, "`" + name + "(")).Select(m => "README, BuildpackStageSettings: " + m));
        Assert.Empty(Missing(row => row.CakeMethods, name => TableHas(cakePublish, "`" + name + "(")).Select(m => "README, WithBuildpackStaging: " + m));
        Assert.Empty(Missing(row => row.PublishProperties, name => TableHas(cakePublish, "`" + name + "`")).Select(m => "README, WithBuildpackStaging: " + m));
        Assert.True(TableHas(cakeStage, "`BuildpackStage(appDir"), "README, Cake aliases: BuildpackStage(appDir, ...)");
    }

    private static IEnumerable<string> Missing(Func<Row, string[]> column, Func<string, bool> exists) =>
        DoorRows.SelectMany(row => column(row).Where(name => !exists(name)).Select(name => $"{row.Property}: {name} is missing"));

    // A task attribute often passes a private property the targets compute from the user's (e.g. a full path).
    private static string Expand(string value, Dictionary<string, string> privateProperties) =>
        PrivateReference().Replace(value, match => match.Value + privateProperties.GetValueOrDefault(match.Groups["name"].Value, ""));

    [GeneratedRegex(@"\$\((?<name>_Buildpack\w+)\)")]
    private static partial Regex PrivateReference();

    private static bool HasSetter(Type extensions, Type settings, string name) =>
        extensions.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == name && m.GetParameters()[0].ParameterType == settings && m.ReturnType == settings);

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"README has no '{start}'");
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }

    private static bool TableHas(string section, string text) =>
        section.Split('\n').Any(line => line.StartsWith('|') && line.Contains(text, StringComparison.Ordinal));

    private static void GiveSample(object settings, PropertyInfo property)
    {
        var value = property.GetValue(settings);
        switch (value)
        {
            case IList<string> strings: strings.Add("/drift/value"); return;
            case IList<FilePath> files: files.Add(new FilePath("/drift/file")); return;
            case IDictionary<string, string> pairs: pairs["DRIFT"] = "value"; return;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        property.SetValue(settings, type switch
        {
            _ when type == typeof(string) => "drift",
            _ when type == typeof(bool) => true,
            _ when type == typeof(FilePath) => new FilePath("/drift/file"),
            _ when type == typeof(DirectoryPath) => new DirectoryPath("/drift/directory"),
            _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(1),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
            _ => throw new InvalidOperationException($"No sample value for {property.DeclaringType!.Name}.{property.Name} ({type.Name}): teach {nameof(GiveSample)} one"),
        });
    }

    private static object Changed(PropertyInfo property, object? value) => value switch
    {
        string text => text + "-changed",
        IReadOnlyList<string> list => new List<string>(list) { "/drift/other" },
        IReadOnlyDictionary<string, string> map => new Dictionary<string, string>(map) { ["CHANGED"] = "1" },
        TimeSpan span => span + TimeSpan.FromMinutes(1),
        Enum => Enum.GetValues(property.PropertyType).Cast<object>().First(other => !other.Equals(value)),
        null when property.PropertyType == typeof(string) => "/drift/changed",
        null when property.PropertyType == typeof(DateTimeOffset?) => DateTimeOffset.FromUnixTimeSeconds(1700000000),
        _ => throw new InvalidOperationException($"No changed value for StagingRequest.{property.Name} ({property.PropertyType.Name}): teach {nameof(Changed)} one"),
    };
}
