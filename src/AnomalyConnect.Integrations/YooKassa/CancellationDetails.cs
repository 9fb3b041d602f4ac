namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>Who canceled a payment (<c>merchant</c>, <c>yoo_money</c>, <c>payment_network</c>) and why (e.g. <c>expired_on_confirmation</c>).</summary>
public sealed record CancellationDetails(string Party, string Reason);
