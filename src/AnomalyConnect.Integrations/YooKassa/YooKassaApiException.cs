using System.Net;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// YooKassa refused or could not complete a request. <see cref="Code"/> is YooKassa's (<c>invalid_request</c>,
/// <c>invalid_credentials</c>, <c>not_found</c>, …; <c>processing</c> for HTTP 202). The message never contains the key.
/// </summary>
public sealed class YooKassaApiException(
    HttpStatusCode statusCode,
    string? code,
    string? description,
    string? parameter = null,
    TimeSpan? retryAfter = null)
    : Exception(FormatMessage(statusCode, code, description, parameter))
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? Code { get; } = code;

    public string? Description { get; } = description;

    /// <summary>The request field YooKassa objected to, e.g. <c>amount.value</c>.</summary>
    public string? Parameter { get; } = parameter;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// The outcome is unknown or temporary (202 still processing, 429, 5xx): repeat the same request with the same
    /// idempotence key, which can never create a second payment or refund.
    /// </summary>
    public bool IsRetryable =>
        StatusCode is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;

    private static string FormatMessage(HttpStatusCode statusCode, string? code, string? description, string? parameter)
    {
        var message = $"YooKassa API answered {(int)statusCode} {code ?? "without an error code"}";
        if (description is not null)
        {
            message += ": " + description;
        }
        return parameter is null ? message : message + $" (parameter {parameter})";
    }
}
