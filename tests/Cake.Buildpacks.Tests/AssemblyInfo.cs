// End-to-end tests start real `dotnet cake` and bash processes; two cores are all CI has.
[assembly: CollectionBehavior(DisableTestParallelization = false, MaxParallelThreads = 2)]
// Buildpacks are bash programs: the tests run where bash does.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
