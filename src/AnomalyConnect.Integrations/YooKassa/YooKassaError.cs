namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// An error body (<c>type: error</c>) or, with HTTP 202, a "still processing" body (<c>type: processing</c>);
/// <see cref="RetryAfter"/> is in milliseconds.
/// </summary>
internal sealed record YooKassaError(string? Type, string? Id, string? Code, string? Description, string? Parameter, int? RetryAfter);
