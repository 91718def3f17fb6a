namespace Buildpacks.Core.Requests;

/// <summary>
/// A door's staging settings as the user gave them: text, lists, pairs. Relative paths stay relative and
/// empty text means "the default"; <see cref="StagingRequestBuilder"/> resolves and checks them.
/// </summary>
public sealed class StagingInputs
{
    private readonly List<RawAssignment> _variables = [];
    private readonly List<RawAssignment> _processTypes = [];

    /// <summary>The directory to stage.</summary>
    public string? AppDirectory { get; set; }

    /// <summary>The droplet to write; empty: the app directory's name plus <c>.droplet.tgz</c> in the base directory.</summary>
    public string? OutputPath { get; set; }

    /// <summary>Buildpacks to use without detection, in order; blank entries are skipped.</summary>
    public IList<string> Buildpacks { get; } = [];

    /// <summary>Candidates for detection, in order; blank entries are skipped.</summary>
    public IList<string> Candidates { get; } = [];

    /// <summary>The cache directory kept between stagings; empty: a throwaway cache.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Env files, read in order before the variables; a later file wins.</summary>
    public IList<string> EnvironmentFiles { get; } = [];

    /// <summary>The stack name; empty: <see cref="Staging.StagingRequest.DefaultStack"/>.</summary>
    public string? Stack { get; set; }

    /// <summary><c>cf</c> or <c>heroku</c>; empty: <c>cf</c>.</summary>
    public string? Layout { get; set; }

    /// <summary><c>merge</c> or <c>replace</c>; empty: <c>merge</c>.</summary>
    public string? ProcfileMode { get; set; }

    /// <summary>How long staging may take, as <see cref="Staging.DurationText"/> reads it; empty: 15 minutes.</summary>
    public string? Timeout { get; set; }

    /// <summary>Where to write Cloud Foundry's <c>result.json</c>; empty: nowhere.</summary>
    public string? ResultPath { get; set; }

    /// <summary>The droplet entries' time: Unix seconds or ISO 8601; empty: <c>SOURCE_DATE_EPOCH</c> or a fixed date.</summary>
    public string? Timestamp { get; set; }

    /// <summary>The name in <c>VCAP_APPLICATION</c>; empty: the app directory's name.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>The Cloud Foundry manifest to read; empty: the app directory's <c>manifest.yml</c>, when there is one.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The manifest's application to stage, by name; empty: its only one.</summary>
    public string? ManifestApplication { get; set; }

    /// <summary>Shell commands run in the build directory before the first buildpack, in order; blank entries are skipped.</summary>
    public IList<string> PreStagingHooks { get; } = [];

    /// <summary>Shell commands run in the build directory after the last buildpack, in order; blank entries are skipped.</summary>
    public IList<string> PostStagingHooks { get; } = [];

    /// <summary>The platform whose contract to follow (<see cref="StagingNames.Platforms"/>); empty: <c>default</c>, today's behaviour.</summary>
    public string? Platform { get; set; }

    /// <summary>The lock file pinning the buildpacks; empty: <c>buildpacks.lock.json</c> in the app directory when there is one.</summary>
    public string? LockFile { get; set; }

    /// <summary>A stack image to stage in (container staging); empty: stage on the engine's host.</summary>
    public string? StackImage { get; set; }

    /// <summary><c>docker</c> or <c>podman</c>: the CLI for container staging; empty: <c>docker</c>.</summary>
    public string? ContainerEngine { get; set; }

    internal IReadOnlyList<RawAssignment> Variables => _variables;

    internal IReadOnlyList<RawAssignment> ProcessTypes => _processTypes;

    /// <summary>Adds a variable; a later one for the same name wins, and every variable wins over the env files.</summary>
    public StagingInputs AddVariable(string name, string value)
    {
        _variables.Add(RawAssignment.Pair(name, value ?? ""));
        return this;
    }

    /// <summary>Adds a variable written <c>NAME=VALUE</c> (the value is taken as is, <c>=</c> included).</summary>
    public StagingInputs AddVariable(string assignment)
    {
        _variables.Add(RawAssignment.Unsplit(assignment ?? ""));
        return this;
    }

    /// <summary>Adds a process type that wins over the buildpack's defaults and the Procfile; a later one for the same type wins.</summary>
    public StagingInputs AddProcessType(string type, string command)
    {
        _processTypes.Add(RawAssignment.Pair(type, command ?? ""));
        return this;
    }

    /// <summary>Adds a process type written <c>TYPE=COMMAND</c>.</summary>
    public StagingInputs AddProcessType(string assignment)
    {
        _processTypes.Add(RawAssignment.Unsplit(assignment ?? ""));
        return this;
    }
}
