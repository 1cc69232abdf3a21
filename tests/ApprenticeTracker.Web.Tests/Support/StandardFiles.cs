using System.Text.Json.Nodes;
using ApprenticeTracker.Web.Hosting;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>Standard files for tests, made from the shipped sample so that they stay valid as it changes.</summary>
public static class StandardFiles
{
    public static async Task<string> WriteVariantAsync(AppFactory factory, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(SampleStandard.FilePath))!.AsObject();
        change(json);
        Directory.CreateDirectory(factory.DataPath);
        var path = Path.Combine(factory.DataPath, $"standard-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json.ToJsonString());
        return path;
    }
}
