namespace AnomalyConnect.Grains.Payments;

/// <summary>How a call to a payment provider ended; a provider's failure is an outcome, never an exception.</summary>
internal enum ProviderCallOutcome
{
    Ok,

    /// <summary>The provider does not know the object.</summary>
    NotFound,

    /// <summary>The provider said no for good (an invalid request); repeating it will not help.</summary>
    Refused,

    /// <summary>Unreachable, timed out, overloaded or not accepting our credentials: nothing is known, try again later.</summary>
    Unavailable,
}

/// <summary>The outcome of a provider call, its answer when Ok, and a sentence when not.</summary>
internal sealed record ProviderCall<T>(ProviderCallOutcome Outcome, T? Value = default, string? Error = null);
