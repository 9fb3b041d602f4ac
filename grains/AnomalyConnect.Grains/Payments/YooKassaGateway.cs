using System.Net;
using AnomalyConnect.Integrations.YooKassa;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomalyConnect.Grains.Payments;

/// <summary>
/// The grains' way to YooKassa: creates payments and refunds with idempotence keys derived from our payment id (so a
/// retry never charges or refunds twice) and reads them back; failures become <see cref="ProviderCall{T}"/> outcomes.
/// </summary>
internal sealed partial class YooKassaGateway(IHttpClientFactory httpClients, IOptions<PaymentOptions> options, ILogger<YooKassaGateway> logger)
{
    public const string HttpClientName = "payments-yookassa";
    private const int MaxDescriptionLength = 128;

    public bool IsConfigured => options.Value.YooKassa is not null;

    /// <summary>Creates (or, with the same key, finds again) YooKassa's payment for ours; the payer confirms on its page.</summary>
    public Task<ProviderCall<Payment>> CreatePaymentAsync(string paymentId, PaymentState payment, string? userEmail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var description = $"{payment.TariffTitle}, {payment.Days} days";
        var request = new CreatePaymentRequest
        {
            Amount = Amount.Rubles(payment.Amount),
            Capture = true,
            Confirmation = Confirmation.Redirect(payment.ReturnUrl ?? settings.YooKassaReturnUrl?.AbsoluteUri ?? "https://yookassa.ru"),
            Description = description.Length <= MaxDescriptionLength ? description : description[..MaxDescriptionLength],
            Metadata = new Dictionary<string, string> { ["payment_id"] = paymentId, ["user_id"] = payment.UserId },
            Receipt = settings.YooKassaReceipt ? Receipt(payment, userEmail ?? settings.ReceiptEmail!, description) : null,
        };
        return CallAsync("create payment", paymentId, client => client.CreatePaymentAsync(request, paymentId, cancellationToken));
    }

    public Task<ProviderCall<Payment>> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        CallAsync("read payment", providerPaymentId, client => client.GetPaymentAsync(providerPaymentId, cancellationToken));

    public Task<ProviderCall<Refund>> GetRefundAsync(string refundId, CancellationToken cancellationToken) =>
        CallAsync("read refund", refundId, client => client.GetRefundAsync(refundId, cancellationToken));

    public Task<ProviderCall<Refund>> RefundAsync(string providerPaymentId, decimal amount, string idempotenceKey, CancellationToken cancellationToken) =>
        CallAsync("refund payment", providerPaymentId,
            client => client.CreateRefundAsync(providerPaymentId, Amount.Rubles(amount), idempotenceKey, "Refund", cancellationToken));

    private async Task<ProviderCall<T>> CallAsync<T>(string what, string id, Func<YooKassaClient, Task<T>> call)
    {
        if (options.Value.YooKassa is not { } shop)
        {
            return new ProviderCall<T>(ProviderCallOutcome.Unavailable, Error: "YooKassa is not configured.");
        }
        try
        {
            return new ProviderCall<T>(ProviderCallOutcome.Ok, await call(new YooKassaClient(httpClients.CreateClient(HttpClientName), shop)));
        }
        catch (YooKassaApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return new ProviderCall<T>(ProviderCallOutcome.NotFound, Error: exception.Message);
        }
        catch (YooKassaApiException exception) when (exception.IsRetryable
            || exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            LogUnavailable(logger, what, id, exception.Message);
            return new ProviderCall<T>(ProviderCallOutcome.Unavailable, Error: exception.Message);
        }
        catch (YooKassaApiException exception)
        {
            LogRefused(logger, what, id, exception.Message);
            return new ProviderCall<T>(ProviderCallOutcome.Refused, Error: exception.Description ?? exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            LogUnavailable(logger, what, id, exception.GetType().Name + ": " + exception.Message);
            return new ProviderCall<T>(ProviderCallOutcome.Unavailable, Error: "YooKassa could not be reached.");
        }
    }

    private static Receipt Receipt(PaymentState payment, string email, string description) => new()
    {
        Customer = new ReceiptCustomer { Email = email },
        Items =
        [
            new ReceiptItem
            {
                Description = description.Length <= MaxDescriptionLength ? description : description[..MaxDescriptionLength],
                Quantity = 1,
                Amount = Amount.Rubles(payment.Amount),
                VatCode = 1,
                PaymentMode = ReceiptPaymentMode.FullPayment,
                PaymentSubject = ReceiptPaymentSubject.Service,
            },
        ],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "YooKassa could not {What} {Id}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string what, string id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "YooKassa refused to {What} {Id}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string what, string id, string reason);
}
