using System.Diagnostics;
using System.Net.Sockets;
using Buildpacks.Core.Files;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Files;

/// <summary>The file kinds .NET reports as plain files on Linux, told apart without opening them.</summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fifos_sockets_and_devices_are_special_and_files_directories_and_links_are_not()
    {
        var fifo = _temp.Combine("pipe");
        MakeFifo(fifo);
        var socketPath = _temp.Combine("app.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var file = _temp.Combine("file.txt");
        File.WriteAllText(file, "x");
        var linkToFifo = _temp.Combine("link");
        File.CreateSymbolicLink(linkToFifo, fifo);

        Assert.Equal("a fifo", SpecialFile.Kind(fifo));
        Assert.Equal("a socket", SpecialFile.Kind(socketPath));
        Assert.Equal("a character device", SpecialFile.Kind("/dev/null"));
        Assert.Null(SpecialFile.Kind(file));
        Assert.Null(SpecialFile.Kind(_temp.Path));
        Assert.Null(SpecialFile.Kind(linkToFifo)); // links are not followed: they are packed as links
        Assert.Null(SpecialFile.Kind(_temp.Combine("missing")));
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
