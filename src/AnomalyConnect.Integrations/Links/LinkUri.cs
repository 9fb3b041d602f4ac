namespace AnomalyConnect.Integrations.Links;

/// <summary>
/// A link's URI in its three pieces: the scheme with <c>://</c>, the user's escaped credential, and the rest
/// (<c>@host:port?…#name</c>), which every user of a node shares. A renderer writes the pieces where the link goes
/// instead of joining them into a string first.
/// </summary>
internal readonly record struct LinkUri(string Scheme, string Credential, string Suffix)
{
    public int Length => Scheme.Length + Credential.Length + Suffix.Length;

    public override string ToString() => string.Concat(Scheme, Credential, Suffix);
}
