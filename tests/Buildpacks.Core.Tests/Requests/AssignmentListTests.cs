using Buildpacks.Core.Requests;

namespace Buildpacks.Core.Tests.Requests;

public sealed class AssignmentListTests
{
    [Fact]
    public void Pairs_come_back_as_they_went_in_whatever_their_values_hold()
    {
        KeyValuePair<string, string>[] pairs =
        [
            new("PLAIN", "value"),
            new("SEMI", "a;b"),
            new("PERCENT", "100% sure, %3B stays text, %25 too"),
            new("EQUALS", "x=y"),
            new("EMPTY", ""),
        ];

        var text = AssignmentList.Join(pairs);

        Assert.Equal(pairs.Select(pair => pair.Key + "=" + pair.Value), AssignmentList.Split(text));
    }

    [Fact]
    public void Split_skips_empty_entries_and_reads_escapes_in_either_case()
    {
        Assert.Equal(["A=1", "B=x;y%"], AssignmentList.Split(";A=1;; ;B=x%3by%25"));
    }
}
