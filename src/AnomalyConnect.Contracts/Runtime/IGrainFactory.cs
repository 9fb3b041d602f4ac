namespace AnomalyConnect.Contracts.Runtime;

/// <summary>Resolves a grain by its interface and key; the caller never sees how the grain is stored.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain; it need not exist yet.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrain;
}
