using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Unit;

public sealed class StagingPhaseNamesTests
{
    [Fact]
    public void Every_phase_has_its_lower_case_name()
    {
        Assert.Equal(
            ["detect", "supply", "finalize", "compile", "release", "pack", "pre-staging", "post-staging"],
            Enum.GetValues<StagingPhase>().Select(phase => phase.Name()));
    }

    [Theory]
    [InlineData(StagingPhase.Compile, "dotnet", "compile (dotnet)")]
    [InlineData(StagingPhase.Pack, "", "pack")]
    public void Titles_name_the_buildpack_when_there_is_one(StagingPhase phase, string buildpack, string title)
    {
        Assert.Equal(title, phase.Title(buildpack));
    }
}
