namespace AnomalyConnect.Integrations.Xray;

/// <summary>The gRPC status codes this client produces or recognises.</summary>
internal static class GrpcStatusCode
{
    public const int Ok = 0;
    public const int Unknown = 2;
    public const int DeadlineExceeded = 4;
    public const int PermissionDenied = 7;
    public const int Unimplemented = 12;
    public const int Internal = 13;
    public const int Unavailable = 14;
    public const int Unauthenticated = 16;
}
