using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Release;

namespace Buildpacks.Core.Tests.Release;

public sealed class ProcfileTests
{
    [Fact]
    public void Lines_comments_blank_lines_and_CRLF()
    {
        var types = Procfile.Parse("# processes\r\nweb: dotnet App.dll --urls http://0.0.0.0:$PORT\r\n\r\nworker_2:   run-worker  \nclock-1:tick\n");

        Assert.Equal(
            new Dictionary<string, string> { ["web"] = "dotnet App.dll --urls http://0.0.0.0:$PORT", ["worker_2"] = "run-worker", ["clock-1"] = "tick" },
            types);
    }

    [Fact]
    public void A_later_line_for_a_type_wins()
    {
        Assert.Equal("second", Procfile.Parse("web: first\nweb: second\n")["web"]);
    }

    [Theory]
    [InlineData("web dotnet App.dll", 1)]
    [InlineData("ok: fine\nweb.1: bad name", 2)]
    [InlineData("web:", 1)]
    public void Bad_lines_are_coded_errors_with_the_line_number(string text, int line)
    {
        var error = Assert.Throws<BuildpackException>(() => Procfile.Parse(text, "/app/Procfile"));

        Assert.Equal(ErrorCodes.InvalidProcfile, error.Code);
        Assert.Equal("/app/Procfile", error.File);
        Assert.StartsWith($"Procfile line {line} ", error.Message, StringComparison.Ordinal);
    }
}
