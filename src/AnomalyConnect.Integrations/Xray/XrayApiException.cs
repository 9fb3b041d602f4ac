namespace AnomalyConnect.Integrations.Xray;

/// <summary>
/// A gRPC call to a node failed: the node answered a non-zero <c>grpc-status</c>, or what came back was not a gRPC reply.
/// The message is the node's <c>grpc-message</c> (or our description of the bad reply) and never holds a secret.
/// </summary>
public sealed class XrayApiException : Exception
{
    public XrayApiException(int grpcStatus, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        GrpcStatus = grpcStatus;
    }

    /// <summary>The gRPC status code (2 = Unknown is what Xray answers for "already exists", "not found", "handler not found").</summary>
    public int GrpcStatus { get; }
}
