namespace Buildpacks.Core.Stacks;

/// <summary>The images a stack build made.</summary>
/// <param name="StackId">The stack id both images are labelled with.</param>
/// <param name="BuildImage">The build image's name and tag.</param>
/// <param name="RunImage">The run image's name and tag.</param>
public sealed record StackBuildResult(string StackId, string BuildImage, string RunImage);
