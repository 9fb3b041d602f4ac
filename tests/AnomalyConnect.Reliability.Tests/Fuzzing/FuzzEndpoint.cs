namespace AnomalyConnect.Reliability.Tests.Fuzzing;

/// <summary>How an endpoint authenticates its caller, so the fuzzer can present a wrong or missing credential.</summary>
public enum FuzzCredential
{
    None,
    AdminBearer,
    CorporateSecret,
    HrSignature,
    TelegramSecret,
    HysteriaSecret,
    MetricsBasic,
}

/// <summary>One public route: method, path with {placeholders}, credential, and whether it reads a JSON body.</summary>
public sealed record FuzzEndpoint(string Method, string Path, FuzzCredential Credential, bool HasBody);
