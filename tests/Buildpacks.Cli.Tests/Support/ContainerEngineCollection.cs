namespace Buildpacks.Cli.Tests.Support;

/// <summary>
/// The test classes that use the one container engine run one after another: each compares the engine's containers
/// and images before and after, which another class's staging or build in between would change.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ContainerEngineCollection
{
    public const string Name = "container engine";
}
