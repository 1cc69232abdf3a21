using System.Globalization;
using System.Text.Json;

namespace ApprenticeTracker.Persistence.Standards;

/// <summary>
/// Reads one standard version in the Skills England standards API format. Unknown keys are ignored, because the real
/// feed has about 80 of them; the fields the product needs are checked and named when missing. The feed is not
/// consistent about types, so numbers may arrive as strings and flags as booleans, 0/1 or words.
/// </summary>
public static class StandardJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="StandardFormatException">The content is not JSON, or a required field is missing or unreadable.</exception>
    public static StandardDefinition Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(() => JsonDocument.Parse(json, Options));
        return Read(document.RootElement);
    }

    /// <summary>Reads without blocking on the stream, for streams that refuse synchronous reads (such as a request body).</summary>
    /// <exception cref="StandardFormatException">The content is not JSON, or a required field is missing or unreadable.</exception>
    public static async Task<StandardDefinition> ReadAsync(Stream json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, Options, ct);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static JsonDocument Parse(Func<JsonDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }
    }

    private static StandardFormatException NotJson(JsonException e)
    {
        // JsonException counts lines and positions from 0; people count from 1.
        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        return new StandardFormatException(
            string.Create(CultureInfo.InvariantCulture, $"The file is not valid JSON: the error is at line {line}, position {position}."), e);
    }

    private static StandardDefinition Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StandardFormatException("The file must hold one standard version as a JSON object.");
        }

        var reference = RequiredText(root, "referenceNumber", "The file");
        var title = RequiredText(root, "title", "The file");
        var version = Text(root, "versionNumber", "The file") ?? Text(root, "version", "The file")
            ?? throw new StandardFormatException("The file has no 'version' or 'versionNumber'.");
        var level = Whole(root, "level", "The file") ?? throw Missing("The file", "level");
        var duration = Whole(root, "typicalDuration", "The file") ?? throw Missing("The file", "typicalDuration");
        var route = Text(root, "route", "The file") ?? string.Empty;
        var larsCode = Whole(root, "larsCode", "The file");
        var maxFunding = Number(root, "maxFunding", "The file");
        var integratedDegree = Flag(root, "integratedDegree", "The file") ?? false;
        var status = Text(root, "status", "The file");
        var overview = Text(root, "overviewOfRole", "The file");

        // Not yet a field of the published feed: read when a provider's file carries it.
        var offTheJobMinimum = Whole(root, "offTheJobMinimumHours", "The file");

        var ksbs = new List<KsbDefinition>();
        ksbs.AddRange(ReadKsbs(root, "knowledges", "knowledgeId", KsbKind.Knowledge, "Knowledge"));
        ksbs.AddRange(ReadKsbs(root, "skills", "skillId", KsbKind.Skill, "Skill"));
        ksbs.AddRange(ReadKsbs(root, "behaviours", "behaviourId", KsbKind.Behaviour, "Behaviour"));

        if (!root.TryGetProperty("duties", out var dutiesElement) || dutiesElement.ValueKind == JsonValueKind.Null)
        {
            throw Missing("The file", "duties");
        }

        if (dutiesElement.ValueKind != JsonValueKind.Array)
        {
            throw new StandardFormatException("The file's 'duties' must be a list.");
        }

        if (dutiesElement.GetArrayLength() == 0)
        {
            throw new StandardFormatException("The file's 'duties' list is empty; a standard needs at least one duty.");
        }

        var duties = new List<DutyDefinition>();
        var number = 0;
        foreach (var duty in dutiesElement.EnumerateArray())
        {
            number++;
            var owner = string.Create(CultureInfo.InvariantCulture, $"Duty {number}");
            if (duty.ValueKind != JsonValueKind.Object)
            {
                throw new StandardFormatException($"{owner} in 'duties' is not an object.");
            }

            var mapped = new List<string>();
            mapped.AddRange(Ids(duty, "mappedKnowledge", owner));
            mapped.AddRange(Ids(duty, "mappedSkills", owner));
            mapped.AddRange(Ids(duty, "mappedBehaviour", owner));
            duties.Add(new DutyDefinition(
                RequiredId(duty, "dutyId", owner),
                RequiredText(duty, "dutyDetail", owner),
                Flag(duty, "isThisACoreDuty", owner) ?? true,
                mapped));
        }

        return new StandardDefinition(reference, version, title, level, duration, route, larsCode, maxFunding, integratedDegree, status, overview, duties, ksbs, offTheJobMinimum);
    }

    private static IEnumerable<KsbDefinition> ReadKsbs(JsonElement root, string listName, string idName, KsbKind kind, string label)
    {
        if (!root.TryGetProperty(listName, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new StandardFormatException($"The file's '{listName}' must be a list.");
        }

        var position = 0;
        foreach (var item in list.EnumerateArray())
        {
            position++;
            var owner = string.Create(CultureInfo.InvariantCulture, $"{label} {position}");
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new StandardFormatException($"{owner} in '{listName}' is not an object.");
            }

            yield return new KsbDefinition(kind, RequiredId(item, idName, owner), RequiredText(item, "detail", owner));
        }
    }

    /// <summary>
    /// Ids are compared as given, so every id is trimmed alike wherever it appears: a KSB's own id, a duty's id, and the
    /// ids a duty lists (see <see cref="Ids"/>). Otherwise a stray space on one side would break the match.
    /// </summary>
    private static string RequiredId(JsonElement owner, string name, string ownerLabel) =>
        RequiredText(owner, name, ownerLabel).Trim();

    /// <summary>A list of ids, each trimmed as <see cref="RequiredId"/> trims; empty ones are left out.</summary>
    private static List<string> Ids(JsonElement owner, string name, string ownerLabel)
    {
        if (!owner.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new StandardFormatException($"{ownerLabel}'s '{name}' must be a list of ids.");
        }

        return list.EnumerateArray()
            .Select(id => id.ValueKind switch
            {
                JsonValueKind.String => id.GetString()!.Trim(),
                JsonValueKind.Number => id.GetRawText(),
                _ => throw new StandardFormatException($"{ownerLabel}'s '{name}' must be a list of ids."),
            })
            .Where(id => id.Length > 0)
            .ToList();
    }

    private static StandardFormatException Missing(string owner, string name) =>
        new(owner == "The file" ? $"The file has no '{name}'." : $"{owner} has no '{name}'.");

    private static string RequiredText(JsonElement owner, string name, string ownerLabel)
    {
        var value = Text(owner, name, ownerLabel);
        return string.IsNullOrWhiteSpace(value) ? throw Missing(ownerLabel, name) : value;
    }

    private static string? Text(JsonElement owner, string name, string ownerLabel)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new StandardFormatException($"{Possessive(ownerLabel)} '{name}' must be text."),
        };
    }

    private static int? Whole(JsonElement owner, string name, string ownerLabel)
    {
        var number = Number(owner, name, ownerLabel);
        if (number is null)
        {
            return null;
        }

        if (number != decimal.Truncate(number.Value) || number is < int.MinValue or > int.MaxValue)
        {
            throw new StandardFormatException(string.Create(CultureInfo.InvariantCulture, $"{Possessive(ownerLabel)} '{name}' must be a whole number; it is {number}."));
        }

        return (int)number.Value;
    }

    private static decimal? Number(JsonElement owner, string name, string ownerLabel)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                return number;
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                break;
        }

        throw new StandardFormatException($"{Possessive(ownerLabel)} '{name}' must be a number; it is {value.GetRawText()}.");
    }

    private static bool? Flag(JsonElement owner, string name, string ownerLabel)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when value.TryGetInt32(out var number) && number is 0 or 1:
                return number == 1;
            case JsonValueKind.String:
                // The feed writes integratedDegree as "integrated degree" or "non-integrated degree".
                switch (value.GetString()!.Trim().ToUpperInvariant())
                {
                    case "" or "FALSE" or "0" or "NO" or "NON-INTEGRATED DEGREE":
                        return false;
                    case "TRUE" or "1" or "YES" or "INTEGRATED DEGREE":
                        return true;
                }

                break;
        }

        throw new StandardFormatException($"{Possessive(ownerLabel)} '{name}' must be true or false; it is {value.GetRawText()}.");
    }

    private static string Possessive(string ownerLabel) => $"{ownerLabel}'s";
}
