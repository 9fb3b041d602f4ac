namespace AnomalyConnect.Grains.Payments.Messages;

/// <summary>Give the user what the succeeded payment bought (the user applies a payment id at most once).</summary>
public sealed record PaymentApply(string PaymentId, string UserId, int Days, long? TrafficLimitBytes, int? DeviceLimit);
