namespace AnomalyConnect.Integrations.Xray;

/// <summary>
/// A node's gRPC API: <c>http://127.0.0.1:10085</c> (HTTP/2 cleartext, prior knowledge) or <c>https://host:port</c>
/// (HTTP/2 over TLS, e.g. through the node's mTLS nginx). A path, if any, is kept as a prefix of the method paths.
/// </summary>
public sealed record XrayEndpoint(Uri ApiUrl, XrayFlavor Flavor);
