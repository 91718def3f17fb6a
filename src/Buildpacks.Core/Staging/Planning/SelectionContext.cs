using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>What a selection may use: the request, a way to fetch buildpacks, and detection.</summary>
internal sealed record SelectionContext(StagingRequest Request, BuildpackFetcher Fetcher, BuildpackDetector Detector, IStagingLog Log);
