using System.Security.Cryptography;
using System.Text.Json;
using ApprenticeTracker.Persistence.Files;
using Microsoft.AspNetCore.DataProtection;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>A file of a refused evidence form, still staged, as the form offers it again: ticked, with its name and size.</summary>
/// <param name="Token">What the form posts back: protected, naming the person, the form and the staged file.</param>
public sealed record KeptFile(string Token, string FileName, string Size);

/// <summary>
/// Tokens for files kept after a refusal (docs/decisions/0157). A token is protected by the app's data protection keys
/// and names the account and the form it was made for, so that nobody else, and no other form, can claim the file.
/// </summary>
internal sealed class KeptFileTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ApprenticeTracker.Evidence.KeptFile.v1");

    public string Protect(string userId, Guid formToken, KeptUpload file) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(userId, formToken, file)));

    /// <summary>The file the token names, or null when it was altered or made for another person or form.</summary>
    public KeptUpload? Read(string token, string userId, Guid formToken)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token));
            return payload is not null && string.Equals(payload.UserId, userId, StringComparison.Ordinal) && payload.FormToken == formToken
                && EvidenceFileStore.IsStorageKey(payload.File.StorageKey)
                ? payload.File
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Payload(string UserId, Guid FormToken, KeptUpload File);
}

/// <summary>What is known of a staged upload: enough to attach it without reading it again.</summary>
internal sealed record KeptUpload(string StorageKey, string FileName, long SizeBytes, string Sha256, string ContentType);
