using AnomalyConnect.Contracts.Payments;

namespace AnomalyConnect.Api.Apis.Payments;

public sealed record PaymentPageResponse(IReadOnlyList<PaymentView> Payments, int Page, int PageSize);
