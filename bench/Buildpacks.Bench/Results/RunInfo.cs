namespace Buildpacks.Bench.Results;

/// <summary>Where and when a run happened, so numbers from different commits and machines can be told apart.</summary>
internal sealed record RunInfo(string Commit, DateTime Started, bool Quick, int Cores, string LoadBefore, string LoadAfter, string WorkDirectory, string Runtime);
