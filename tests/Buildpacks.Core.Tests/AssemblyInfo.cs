// Staging tests start real bash processes; two cores are all CI has, so keep collections sequential.
[assembly: CollectionBehavior(DisableTestParallelization = false, MaxParallelThreads = 2)]
// Buildpacks are bash programs: the tests run where bash does.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
