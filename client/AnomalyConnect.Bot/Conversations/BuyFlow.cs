using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Contracts.Catalog;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Integrations.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>
/// Buying or extending: the tariffs from the catalog, then a payment method, then the payment grain. YooKassa answers
/// with a page to pay on (a URL button); Telegram Payments and Stars with an invoice whose payload is the payment id.
/// The payment id comes from the update's id, so an update processed again resumes the same payment.
/// </summary>
internal sealed partial class BuyFlow(
    BotSender sender,
    UserAccounts accounts,
    IGrainFactory grains,
    IServiceProvider services,
    BotOptions options,
    ILogger<BuyFlow> logger)
{
    public async Task ShowTariffsAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (services.GetService<ICatalog>() is not { } catalog)
        {
            await sender.ShowAsync(request.ChatId, request.MessageId, texts.PaymentsUnavailable, BotKeyboards.BackToMenu(texts), cancellationToken);
            return;
        }
        var tariffs = (await catalog.ListTariffsAsync(includeArchived: false, cancellationToken))
            .Where(t => !t.Archived && Providers(t).Count > 0)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.PriceRub).ThenBy(t => t.TariffId, StringComparer.Ordinal)
            .ToList();
        var text = tariffs.Count == 0 ? texts.NoTariffs : texts.ChooseTariff;
        await sender.ShowAsync(request.ChatId, request.MessageId, text, BotKeyboards.Tariffs(texts, tariffs), cancellationToken);
    }

    public async Task ShowTariffAsync(BotRequest request, string tariffId, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        if (services.GetService<ICatalog>() is not { } catalog)
        {
            await sender.ShowAsync(request.ChatId, request.MessageId, texts.PaymentsUnavailable, BotKeyboards.BackToMenu(texts), cancellationToken);
            return;
        }
        if (await catalog.GetTariffAsync(tariffId, cancellationToken) is not { Archived: false } tariff)
        {
            await ShowTariffsAsync(request, cancellationToken);
            return;
        }
        var providers = Providers(tariff);
        var text = providers.Count == 0 ? texts.NoPaymentMethods : texts.TariffDetails(tariff, request.Chat?.DiscountCode);
        await sender.ShowAsync(request.ChatId, request.MessageId, text, BotKeyboards.Providers(texts, tariff, providers), cancellationToken);
    }

    public async Task PayAsync(BotRequest request, PaymentProvider provider, string tariffId, CancellationToken cancellationToken)
    {
        var texts = request.Texts;
        var tariff = services.GetService<ICatalog>() is { } catalog ? await catalog.GetTariffAsync(tariffId, cancellationToken) : null;
        if (tariff is not { Archived: false } || !Providers(tariff).Contains(provider))
        {
            await sender.SendTextAsync(request.ChatId, texts.PaymentsUnavailable, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        var (user, _) = await accounts.EnsureAsync(request.From, cancellationToken);
        if (user.Status == UserStatus.Disabled)
        {
            await sender.SendTextAsync(request.ChatId, texts.AccountDisabled, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        var paymentId = request.IdempotencyKey("pay");
        PaymentResult result;
        try
        {
            result = await grains.GetGrain<IPaymentGrain>(paymentId).CreateAsync(
                new NewPayment(user.UserId, tariff.TariffId, provider, request.Chat?.DiscountCode, ReturnUrl()));
        }
        catch (InvalidOperationException e) when (e.Message.Contains(nameof(IPaymentGrain), StringComparison.Ordinal))
        {
            await sender.SendTextAsync(request.ChatId, texts.PaymentsUnavailable, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        if (result is { Outcome: PaymentOutcome.Done or PaymentOutcome.Unchanged, Payment.Status: PaymentStatus.Succeeded })
        {
            // Nothing to pay (a promo code covered the price): the purchase is already applied.
            await sender.SendTextAsync(request.ChatId, texts.PaymentReceived(until: null), BotKeyboards.AfterPurchase(texts), cancellationToken: cancellationToken);
            return;
        }
        if (result is not { Outcome: PaymentOutcome.Done or PaymentOutcome.Unchanged, Payment: { Status: PaymentStatus.Pending } payment })
        {
            if (result.Outcome == PaymentOutcome.ProviderUnavailable)
            {
                // Nothing changed at the provider: the update is retried, and with it the same payment id.
                throw new PaymentProviderUnavailableException(result.Error);
            }
            LogPaymentRefused(logger, paymentId, result.Outcome, result.Error);
            await sender.SendTextAsync(request.ChatId, texts.PaymentFailed, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
            return;
        }
        if (provider == PaymentProvider.YooKassa)
        {
            if (payment.ConfirmationUrl is not { } url)
            {
                await sender.SendTextAsync(request.ChatId, texts.PaymentFailed, BotKeyboards.BackToMenu(texts), cancellationToken: cancellationToken);
                return;
            }
            await sender.SendTextAsync(request.ChatId, texts.PayByLink(payment.Amount), BotKeyboards.PayLink(texts, url), cancellationToken: cancellationToken);
            return;
        }
        await sender.SendInvoiceAsync(Invoice(request, tariff, payment), cancellationToken);
    }

    /// <summary>The methods a tariff can be paid with here: those configured and priced.</summary>
    public IReadOnlyList<PaymentProvider> Providers(Tariff tariff)
    {
        var providers = new List<PaymentProvider>();
        if (options.YooKassaEnabled && tariff.PriceRub > 0)
        {
            providers.Add(PaymentProvider.YooKassa);
        }
        if (options.PaymentProviderToken is not null && tariff.PriceRub > 0)
        {
            providers.Add(PaymentProvider.Telegram);
        }
        if (tariff.PriceStars > 0)
        {
            providers.Add(PaymentProvider.Stars);
        }
        return providers;
    }

    /// <summary>Telegram's amounts are in the smallest unit: kopecks for roubles, whole Stars for XTR.</summary>
    public static long MinorUnits(decimal amount, string currency) =>
        currency == TelegramCurrencies.Stars ? (long)amount : (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromMinorUnits(long amount, string currency) =>
        currency == TelegramCurrencies.Stars ? amount : amount / 100m;

    private SendInvoiceRequest Invoice(BotRequest request, Tariff tariff, PaymentView payment)
    {
        var stars = payment.Currency == TelegramCurrencies.Stars;
        return new SendInvoiceRequest
        {
            ChatId = request.ChatId,
            Title = request.Texts.InvoiceTitle(tariff),
            Description = request.Texts.InvoiceDescription(tariff),
            Payload = payment.PaymentId,
            ProviderToken = stars ? string.Empty : options.PaymentProviderToken ?? string.Empty,
            Currency = payment.Currency,
            Prices = [new LabeledPrice(request.Texts.InvoiceTitle(tariff), MinorUnits(payment.Amount, payment.Currency))],
            StartParameter = "pay-" + payment.PaymentId,
        };
    }

    private string ReturnUrl() => options.BotUsername is { } bot ? "https://t.me/" + bot : options.AppUrl;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} was not created: {Outcome} {Error}")]
    private static partial void LogPaymentRefused(ILogger logger, string paymentId, PaymentOutcome outcome, string? error);
}
