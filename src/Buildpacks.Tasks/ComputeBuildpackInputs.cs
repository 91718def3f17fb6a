using Microsoft.Build.Framework;

namespace Buildpacks.Tasks;

/// <summary>
/// Hashes everything the staging reads (published files, buildpacks, every setting) into
/// <see cref="InputsFile"/>, rewriting it only when the hash changes: the staging target lists that file
/// as its input, so MSBuild skips staging while it is older than the droplet.
/// </summary>
public sealed class ComputeBuildpackInputs : BuildpackStagingTask
{
    private const string Header = "# Inputs of the last buildpack staging of this project. Staging runs again when this file changes.";

    /// <summary>The file in <c>obj/</c> that holds the inputs hash.</summary>
    [Required]
    public string InputsFile { get; set; } = "";

    /// <summary>The inputs hash, <c>sha256:</c> and hex.</summary>
    [Output]
    public string Fingerprint { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var request = CreateRequest();
        if (request is null)
        {
            return false;
        }

        try
        {
            Fingerprint = CreateEngine().ComputeFingerprint(request);
            var content = Header + "\n" + Fingerprint + "\n";
            if (File.Exists(InputsFile) && File.ReadAllText(InputsFile) == content)
            {
                Log.LogMessage(MessageImportance.Low, "Buildpack staging inputs unchanged ({0}).", Fingerprint);
                return true;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(InputsFile))!);
            File.WriteAllText(InputsFile, content);
            Log.LogMessage(MessageImportance.Low, "Buildpack staging inputs changed ({0}).", Fingerprint);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogError(new Core.Diagnostics.BuildpackException(
                TaskErrorCodes.IntermediateFileFailed,
                $"Could not hash the staging inputs into '{InputsFile}': {ex.Message}. Check that the publish folder, the buildpacks and obj/ are readable and writable.",
                InputsFile));
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnexpected(ex);
            return false;
        }
    }
}
