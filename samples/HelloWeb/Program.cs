var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from a buildpack droplet!");
app.MapGet("/env/{name}", (string name) => Environment.GetEnvironmentVariable(name) ?? "");

app.Run();
