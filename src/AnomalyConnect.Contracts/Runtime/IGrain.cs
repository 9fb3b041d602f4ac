namespace AnomalyConnect.Contracts.Runtime;

/// <summary>Marks a grain interface: an entity addressed by a string key that owns its state, rules and timers.</summary>
public interface IGrain;
