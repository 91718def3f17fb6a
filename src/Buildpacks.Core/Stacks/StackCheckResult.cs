namespace Buildpacks.Core.Stacks;

/// <summary>What a builder check found consistent.</summary>
/// <param name="StackId">The builder's stack id, which both images carry.</param>
/// <param name="BuildImage">The build image.</param>
/// <param name="RunImage">The run image.</param>
/// <param name="Buildpacks">The buildpack ids in the order groups, each supporting the stack.</param>
internal sealed record StackCheckResult(string StackId, string BuildImage, string RunImage, IReadOnlyList<string> Buildpacks);
