using System.Text.Json;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Cloud Foundry's <c>VCAP_APPLICATION</c>: what staging gives buildpacks, and at launch the same with the
/// instance's <c>host</c>, <c>port</c> and index added, as CF's launcher does.
/// </summary>
internal static class VcapApplication
{
    public static string Json(string appName, int? port = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("application_id", Guid.NewGuid().ToString());
            json.WriteString("application_name", appName);
            json.WriteStartArray("application_uris");
            json.WriteEndArray();
            json.WriteString("application_version", Guid.NewGuid().ToString());
            if (port is { } instancePort)
            {
                json.WriteString("host", "0.0.0.0");
                json.WriteString("instance_id", Guid.NewGuid().ToString("N"));
                json.WriteNumber("instance_index", 0);
            }

            json.WriteStartObject("limits");
            json.WriteNumber("disk", 4096);
            json.WriteNumber("fds", 16384);
            json.WriteNumber("mem", 1024);
            json.WriteEndObject();
            json.WriteString("name", appName);
            if (port is { } value)
            {
                json.WriteNumber("port", value);
            }

            json.WriteString("space_name", "local");
            json.WriteStartArray("uris");
            json.WriteEndArray();
            json.WriteString("version", Guid.NewGuid().ToString());
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
