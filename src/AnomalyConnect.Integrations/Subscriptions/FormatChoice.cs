namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>The format to serve, or why the request's <c>?format=</c> cannot be served (a 400).</summary>
public sealed record FormatChoice
{
    private FormatChoice(SubscriptionFormat format, string? error)
    {
        Format = format;
        Error = error;
    }

    /// <summary>Meaningful only when <see cref="IsValid"/>.</summary>
    public SubscriptionFormat Format { get; }

    /// <summary>A sentence for the client when the requested format is unknown; otherwise null.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    public static FormatChoice Of(SubscriptionFormat format) => new(format, null);

    public static FormatChoice Invalid(string error) => new(default, error);
}
