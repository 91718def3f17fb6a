namespace Buildpacks.Core.Stacks;

/// <summary>A private temporary folder for one image build (the image id file, the finishing Dockerfile), removed after.</summary>
internal sealed class StackWorkDirectory : IDisposable
{
    public StackWorkDirectory() => Path = Directory.CreateTempSubdirectory("buildpacks-stack-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a build for.
        }
    }
}
