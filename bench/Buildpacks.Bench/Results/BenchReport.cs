using Buildpacks.Bench.Inputs;

namespace Buildpacks.Bench.Results;

/// <summary>Everything one run found: the inputs, every comparison, a row per target, and notes about the machine.</summary>
internal sealed class BenchReport
{
    private readonly Dictionary<string, TargetRow> _rows = [];

    public List<InputTree> Inputs { get; } = [];

    /// <summary>Lists <paramref name="input"/> among the inputs (once) and returns it.</summary>
    public InputTree Use(InputTree input)
    {
        if (!Inputs.Contains(input))
        {
            Inputs.Add(input);
        }

        return input;
    }

    public List<Comparison> Comparisons { get; } = [];

    public List<string> Notes { get; } = [];

    public void Set(TargetRow row) => _rows[row.Id] = row;

    /// <summary>Marks every target of <paramref name="scenario"/> not measured yet as <paramref name="status"/>.</summary>
    public void SetUnmeasured(string scenario, TargetStatus status, string why)
    {
        foreach (var target in Targets.All.Where(t => t.Scenario == scenario && !_rows.ContainsKey(t.Id)))
        {
            Set(TargetRow.NotRun(target, status, why));
        }
    }

    /// <summary>One row per target, in the catalogue's order; a target nothing reported on is skipped.</summary>
    public IReadOnlyList<TargetRow> Rows =>
        Targets.All.Select(t => _rows.TryGetValue(t.Id, out var row) ? row : TargetRow.NotRun(t, TargetStatus.Skipped, "not run")).ToList();
}
