using System.Collections.Concurrent;
using AnomalyConnect.Contracts.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>Creates grain objects on demand; a grain object is cheap and holds no state between calls.</summary>
internal sealed class GrainFactory(IServiceProvider services, GrainTypeRegistry registry, GrainStore store) : IGrainFactory
{
    // ActivatorUtilities.CreateInstance looks the constructor up on every call; a compiled factory does it once.
    private readonly ConcurrentDictionary<Type, ObjectFactory> factories = new();

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrain
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var registration = registry.ForInterface(typeof(TGrain));
        return (TGrain)Activate(registration, key);
    }

    internal IGrainActivation? ActivateByTypeName(string typeName, string key)
    {
        var registration = registry.ForTypeName(typeName);
        return registration is null ? null : Activate(registration, key);
    }

    private IGrainActivation Activate(GrainRegistration registration, string key)
    {
        var factory = factories.GetOrAdd(registration.Implementation, type => ActivatorUtilities.CreateFactory(type, Type.EmptyTypes));
        var grain = (IGrainActivation)factory(services, null);
        grain.Activate(registration.TypeName, key, store);
        return grain;
    }
}
