using ApprenticeTracker.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebFeatures();

var app = builder.Build();
app.UseWebFeatures();

app.Run();

/// <summary>The entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
