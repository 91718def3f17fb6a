using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>
/// The secrets one staging knows of, for a CI log to mask before any buildpack prints: values of variables the
/// caller marks secret, values of variables whose names look secret (<c>*_TOKEN</c>, <c>*_PASSWORD</c>,
/// <c>*_SECRET</c>, <c>*_KEY</c>), and the credentials in buildpack URLs (user info, query values).
/// </summary>
internal static class KnownSecrets
{
    /// <summary>Name endings that make a variable's value a secret without being marked.</summary>
    public static IReadOnlyList<string> SecretNameSuffixes { get; } = ["_TOKEN", "_PASSWORD", "_SECRET", "_KEY"];

    /// <summary>
    /// A variable masked only because of its name needs a value this long: masking <c>1</c> or <c>v2</c> would
    /// blank out every occurrence in the log. Marked variables are masked whatever their length.
    /// </summary>
    public const int MinimumGuessedLength = 4;

    /// <summary>Whether a variable's name says its value is a secret.</summary>
    public static bool LooksSecret(string name) =>
        SecretNameSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The values to mask for <paramref name="request"/>, longest first, each a single line (a multi-line value
    /// gives one per line, as the runners mask line by line).
    /// </summary>
    /// <param name="request">The staging.</param>
    /// <param name="secretVariableNames">Names of variables in <see cref="StagingRequest.Environment"/> the caller marks secret.</param>
    /// <exception cref="BuildpackException"><see cref="ErrorCodes.UnknownSecretVariable"/> when a marked name is not one of the request's variables.</exception>
    public static IReadOnlyList<string> Of(StagingRequest request, IEnumerable<string>? secretVariableNames = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var marked = new HashSet<string>(secretVariableNames ?? [], StringComparer.Ordinal);
        foreach (var name in marked.Where(name => !request.Environment.ContainsKey(name)))
        {
            throw new BuildpackException(
                ErrorCodes.UnknownSecretVariable,
                $"The variable '{name}' is marked secret but the staging has no variable of that name. Give it with --env {name}=VALUE (or in the env file), or fix the name.");
        }

        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Environment)
        {
            if (marked.Contains(name))
            {
                AddLines(secrets, value, 1);
            }
            else if (LooksSecret(name))
            {
                AddLines(secrets, value, MinimumGuessedLength);
            }
        }

        foreach (var reference in request.Buildpacks.Concat(request.Candidates))
        {
            foreach (var credential in ReferenceSecrets.Of(reference))
            {
                AddLines(secrets, credential, 1);
            }
        }

        return [.. secrets.OrderByDescending(secret => secret.Length).ThenBy(secret => secret, StringComparer.Ordinal)];
    }

    private static void AddLines(HashSet<string> secrets, string value, int minimumLength)
    {
        foreach (var line in value.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line) && line.Length >= minimumLength)
            {
                secrets.Add(line);
            }
        }
    }
}
