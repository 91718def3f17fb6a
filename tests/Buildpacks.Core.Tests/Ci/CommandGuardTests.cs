using Buildpacks.Core.Ci;
using Buildpacks.Core.Tests.Ci.Runners;

namespace Buildpacks.Core.Tests.Ci;

public sealed class CommandGuardTests
{
    [Theory]
    [InlineData("##vso[task.setvariable variable=x]y", "# #vso[task.setvariable variable=x]y")]
    [InlineData("  \t##vso[task.setsecret]y", "  \t# #vso[task.setsecret]y")]
    [InlineData("x ##Vso[task.complete]", "x # #Vso[task.complete]")]
    [InlineData("##[error]x", "# #[error]x")]
    [InlineData("###[section]x", "# # #[section]x")]
    [InlineData("#\u200B#vso[task.setvariable variable=x]y", "# #vso[task.setvariable variable=x]y")]
    [InlineData("##\u200Dvso\uFE0F[task.setvariable variable=x]y", "# #vso[task.setvariable variable=x]y")]
    [InlineData("##\u0000[error]x", "# #[error]x")]
    public void A_line_a_runner_could_read_as_a_command_gets_its_hashes_apart(string line, string expected)
    {
        var guarded = CommandGuard.Neutralize(line);

        Assert.Equal(expected, guarded);
        Assert.Empty(AzureAgentModel.Read(guarded).Commands);
        Assert.Empty(AzureAgentModel.Read(guarded).Formatting);
    }

    [Theory]
    [InlineData("######################## 100.0%")]
    [InlineData("# a comment with [brackets]")]
    [InlineData("C# and F# [x]")]
    [InlineData("caf\u0065\u0301 \u200B no hashes")]
    [InlineData("::set-output name=x::y")]
    public void Other_lines_print_unchanged(string line)
    {
        Assert.Equal(line, CommandGuard.Neutralize(line));
    }

    [Fact]
    public void The_agent_model_sees_through_a_zero_width_space_as_a_culture_aware_search_does()
    {
        // The guard strips such characters because the agent's search may skip them: this proves the model does.
        var model = AzureAgentModel.Read("#\u200B#vso[task.setvariable variable=x]y");

        Assert.Equal("task.setvariable", Assert.Single(model.Commands).Name);
    }

    [Fact]
    public void Engine_text_becomes_one_line()
    {
        Assert.Equal("a b\t c  d", CommandGuard.Line("a\nb\t\rc\r\n d"));
    }

    [Fact]
    public void A_carriage_return_splits_a_line_where_the_runners_split_it()
    {
        Assert.Equal(["10%", "20%", "::add-mask::x"], CommandGuard.RunnerLines("10%\r20%\r::add-mask::x\r"));
        Assert.Equal([""], CommandGuard.RunnerLines(""));
    }
}
