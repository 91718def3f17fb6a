namespace Buildpacks.Core.Launching;

/// <summary>How a launch uses a script it finds in a droplet.</summary>
public enum LaunchScriptKind
{
    /// <summary>An exec.d program: run before the process; what it writes to fd 3 sets variables.</summary>
    ExecD,

    /// <summary>A profile script: sourced by the shell that then starts the process.</summary>
    Profile,
}
