namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>The devices grain's state: the devices that hold a user's slots.</summary>
internal sealed class UserDevicesState
{
    public List<DeviceEntry> Devices { get; set; } = [];

    public DeviceEntry? Find(string hwid) => Devices.Find(d => string.Equals(d.Hwid, hwid, StringComparison.Ordinal));
}

internal sealed class DeviceEntry
{
    public required string Hwid { get; set; }

    public string? Os { get; set; }

    public string? Model { get; set; }

    public string? App { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public string? LastAddress { get; set; }
}
