namespace AnomalyConnect.Testing.Fakes;

/// <summary>How the fake YooKassa API misbehaves (the checkout page keeps working).</summary>
public enum FakeYooKassaOutage
{
    None,

    /// <summary>500 <c>internal_server_error</c>; the request is not applied.</summary>
    InternalServerError,

    /// <summary>The request is never answered (until the server is disposed); the client's timeout fires.</summary>
    Timeout,

    /// <summary>The request is applied, then answered with a 500: the reply was lost. A retry with the same key must not act twice.</summary>
    ResponseLost,
}
