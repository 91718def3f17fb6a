namespace Buildpacks.Tasks.Tests.Support;

/// <summary>Tests that build in-process: MSBuild changes process-wide state (the current directory) while it builds.</summary>
[CollectionDefinition(nameof(InProcessMSBuild))]
public sealed class InProcessMSBuild;
