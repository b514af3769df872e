using System.Text.Json;

namespace Casualties.Worker.Service.Jobs;

/// <summary>Job payloads and results are JSON with snake_case names.</summary>
public static class JobPayloads
{
    /// <summary>The serializer options of payloads and results: web defaults, snake_case property and dictionary key names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary><paramref name="value"/> as payload or result JSON.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>
    /// The payload of job <paramref name="jobId"/> as <typeparamref name="T"/>; JSON that is empty (null) or not of that
    /// shape throws <see cref="PermanentJobException"/> naming the job, since retrying cannot mend it.
    /// </summary>
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
