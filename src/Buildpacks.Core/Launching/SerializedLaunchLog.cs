namespace Buildpacks.Core.Launching;

/// <summary>Keeps calls from the stdout and stderr pumps of one process from overlapping, as <see cref="ILaunchLog"/> promises.</summary>
internal sealed class SerializedLaunchLog(ILaunchLog inner) : ILaunchLog
{
    private readonly Lock _gate = new();

    public void Info(string message)
    {
        lock (_gate)
        {
            inner.Info(message);
        }
    }

    public void Output(string line, bool isStandardError)
    {
        lock (_gate)
        {
            inner.Output(line, isStandardError);
        }
    }
}
