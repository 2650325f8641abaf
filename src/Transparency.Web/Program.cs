using Transparency.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTransparency();

var app = builder.Build();
app.UseTransparency();

await app.InitializeTransparencyAsync();
await app.RunAsync();

/// <summary>The entry point; public so that tests can host the site.</summary>
public partial class Program;
