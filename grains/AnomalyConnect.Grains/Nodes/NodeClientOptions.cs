using System.Security.Cryptography.X509Certificates;

namespace AnomalyConnect.Grains.Nodes;

/// <summary>
/// The control server's identity toward nodes' management endpoints (mTLS): a client certificate and the CA
/// that signed the nodes' server certificates. Both optional: plain loopback endpoints need neither.
/// </summary>
public sealed class NodeClientOptions
{
    /// <summary>PEM file with the client certificate and its private key (NODE_CLIENT_CERT).</summary>
    public string? ClientCertificatePath { get; init; }

    /// <summary>PEM file with the private key when it is not in the certificate file (NODE_CLIENT_KEY).</summary>
    public string? ClientKeyPath { get; init; }

    /// <summary>PEM file with the CA the nodes' certificates must chain to (NODE_CA_CERT).</summary>
    public string? CaCertificatePath { get; init; }

    public X509Certificate2? LoadClientCertificate() =>
        ClientCertificatePath is null ? null : X509Certificate2.CreateFromPemFile(ClientCertificatePath, ClientKeyPath);

    public X509Certificate2? LoadCaCertificate() =>
        CaCertificatePath is null ? null : X509CertificateLoader.LoadCertificateFromFile(CaCertificatePath);
}
