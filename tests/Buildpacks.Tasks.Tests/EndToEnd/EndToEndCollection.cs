namespace Buildpacks.Tasks.Tests.EndToEnd;

/// <summary>End-to-end tests share one packed package and run one after another (two cores).</summary>
[CollectionDefinition(nameof(EndToEndCollection))]
public sealed class EndToEndCollection : ICollectionFixture<PackagedTasks>;
