using System.Text.Json;

namespace Casualties.Worker.Service.Jobs;

/// <summary>Job payloads and results are JSON with snake_case names.</summary>
public static class JobPayloads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Deserialize<T>(string json, long jobId)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json)
                ?? throw new PermanentJobException($"Job {jobId} has an empty payload.");
        }
        catch (JsonException e)
        {
            throw new PermanentJobException($"Job {jobId} has a payload that is not a {typeof(T).Name}: {e.Message}");
        }
    }
}
