using System.Collections.Frozen;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>Which class implements which grain interface, and the type name its state is stored under.</summary>
public sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, GrainRegistration> byInterface;
    private readonly FrozenDictionary<string, GrainRegistration> byTypeName;

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var all = registrations.ToList();
        byInterface = all.ToFrozenDictionary(r => r.Interface);
        byTypeName = all.ToFrozenDictionary(r => r.TypeName, StringComparer.Ordinal);
    }

    public GrainRegistration ForInterface(Type grainInterface) =>
        byInterface.TryGetValue(grainInterface, out var registration)
            ? registration
            : throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}.");

    public GrainRegistration? ForTypeName(string typeName) =>
        byTypeName.GetValueOrDefault(typeName);
}

/// <summary>One grain type: its interface, its class, and the name its rows carry.</summary>
public sealed record GrainRegistration(Type Interface, Type Implementation, string TypeName);
