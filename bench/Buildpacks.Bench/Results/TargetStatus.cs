namespace Buildpacks.Bench.Results;

/// <summary>What became of one target in this run.</summary>
internal enum TargetStatus
{
    /// <summary>Its scenario was not selected (--only) or needs a tool this machine lacks.</summary>
    Skipped,

    /// <summary>Its scenario failed before it could be measured.</summary>
    Failed,

    Met,

    NotMet,
}
