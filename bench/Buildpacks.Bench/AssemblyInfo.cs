// The harness times bash buildpacks, tar and pigz: it runs where they do.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
