using Buildpacks.Core.Declared;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>What a selection may use: the request (the manifest applied), the manifest's application, a way to fetch buildpacks, and detection.</summary>
internal sealed record SelectionContext(StagingRequest Request, BuildpackFetcher Fetcher, BuildpackDetector Detector, IStagingLog Log, ManifestApplication? Manifest = null);
