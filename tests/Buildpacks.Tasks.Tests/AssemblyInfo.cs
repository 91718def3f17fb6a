// End-to-end tests run real dotnet and bash processes; two cores are all CI has.
[assembly: CollectionBehavior(DisableTestParallelization = false, MaxParallelThreads = 2)]
// Registers the SDK's MSBuild before xunit loads any test type.
[assembly: TestFramework("Buildpacks.Tasks.Tests.Support.MSBuildTestFramework", "Buildpacks.Tasks.Tests")]
// Buildpacks are bash programs: the tests run where bash does.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
