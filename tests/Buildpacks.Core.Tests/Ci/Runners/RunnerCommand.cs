namespace Buildpacks.Core.Tests.Ci.Runners;

/// <summary>A command a CI runner acted on: its name (GitHub) or area.event (Azure), properties and data, unescaped.</summary>
public sealed record RunnerCommand(string Name, IReadOnlyDictionary<string, string> Properties, string Data)
{
    public override string ToString() => $"{Name} {string.Join(",", Properties.Select(p => p.Key + "=" + p.Value))} :: {Data}";
}
