using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Grains.Payments;

namespace AnomalyConnect.Payments.Tests.Unit;

public sealed class PaymentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Confirm_APendingPaymentForItsAmount_Succeeds() =>
        Assert.Equal(ConfirmationDecision.Succeed, PaymentRules.Confirm(Pending(), new ProviderConfirmation("charge-1", 100, "XTR")).Decision);

    [Fact]
    public void Confirm_TheSameChargeAgain_IsAlreadyDone()
    {
        var state = Pending();
        PaymentRules.Succeed(state, "charge-1", Now);

        Assert.Equal(ConfirmationDecision.AlreadyDone, PaymentRules.Confirm(state, new ProviderConfirmation("charge-1", 100, "XTR")).Decision);
        Assert.Equal(PaymentStatus.Succeeded, state.Status);
    }

    [Fact]
    public void Confirm_ASecondChargeForAPaidPayment_IsRefusedAndNamesTheCharge()
    {
        var state = Pending();
        PaymentRules.Succeed(state, "charge-1", Now);

        var (decision, error) = PaymentRules.Confirm(state, new ProviderConfirmation("charge-2", 100, "XTR"));

        Assert.Equal(ConfirmationDecision.Refuse, decision);
        Assert.Contains("charge-2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99, "XTR")]
    [InlineData(100, "RUB")]
    [InlineData(1000, "XTR")]
    public void Confirm_AnotherAmountOrCurrency_IsRefused(decimal amount, string currency)
    {
        var (decision, error) = PaymentRules.Confirm(Pending(), new ProviderConfirmation("charge-1", amount, currency));

        Assert.Equal(ConfirmationDecision.Refuse, decision);
        Assert.Contains("but the payment is for 100 XTR", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_AmountsWithTrailingZeros_AreTheSameAmount()
    {
        var state = Pending(amount: 199m, currency: "RUB");

        Assert.Equal(ConfirmationDecision.Succeed, PaymentRules.Confirm(state, new ProviderConfirmation("yk-1", 199.00m, "rub")).Decision);
    }

    [Fact]
    public void Confirm_ACanceledPaymentTheProviderSaysWasPaid_Succeeds_BecauseTheMoneyWasTaken()
    {
        var state = Pending();
        PaymentRules.Cancel(state, "timeout", Now);

        Assert.Equal(ConfirmationDecision.Succeed, PaymentRules.Confirm(state, new ProviderConfirmation("charge-1", 100, "XTR")).Decision);
    }

    [Fact]
    public void Confirm_APaymentWithoutItsFinalPrice_IsRefused()
    {
        var state = Pending();
        state.Priced = false;

        Assert.Equal(ConfirmationDecision.Refuse, PaymentRules.Confirm(state, new ProviderConfirmation("charge-1", 100, "XTR")).Decision);
    }

    [Fact]
    public void Confirm_AnotherProviderPaymentIdThanTheOneCreated_IsRefused()
    {
        var state = Pending(amount: 199m, currency: "RUB");
        state.ProviderPaymentId = "yk-1";

        Assert.Equal(ConfirmationDecision.Refuse, PaymentRules.Confirm(state, new ProviderConfirmation("yk-2", 199m, "RUB")).Decision);
    }

    [Fact]
    public void CheckoutProblem_ForTheInvoicedAmount_IsNone_AndAfterPaymentIsAlreadyPaid()
    {
        var state = Pending();
        Assert.Null(PaymentRules.CheckoutProblem(state, 100, "XTR"));

        PaymentRules.Succeed(state, "charge-1", Now);

        Assert.Equal("This payment is already paid.", PaymentRules.CheckoutProblem(state, 100, "XTR"));
    }

    [Fact]
    public void CheckoutProblem_ForAYooKassaPayment_IsNotTelegrams()
    {
        var state = Pending(amount: 199m, currency: "RUB");
        state.Provider = PaymentProvider.YooKassa;

        Assert.Equal("This payment is not paid through Telegram.", PaymentRules.CheckoutProblem(state, 199m, "RUB"));
    }

    [Fact]
    public void Cancel_OnlyAPendingPayment()
    {
        var state = Pending();

        Assert.True(PaymentRules.Cancel(state, "user", Now));
        Assert.False(PaymentRules.Cancel(state, "again", Now));
        Assert.Equal("user", state.CancelReason);
    }

    [Fact]
    public void RecordRefund_CountsEachRefundOnce_AndRefundsWhenAllIsBack()
    {
        var state = Pending(amount: 200m, currency: "RUB");
        PaymentRules.Succeed(state, "yk-1", Now);

        Assert.True(PaymentRules.RecordRefund(state, "r-1", 50m, Now));
        Assert.False(PaymentRules.RecordRefund(state, "r-1", 50m, Now));
        Assert.Equal(PaymentStatus.Succeeded, state.Status);
        Assert.True(PaymentRules.RecordRefund(state, "r-2", 150m, Now));

        Assert.Equal(PaymentStatus.Refunded, state.Status);
        Assert.Equal(200m, state.RefundedAmount);
    }

    [Fact]
    public void RefundKey_IsDerivedFromThePaymentId_AndFitsYooKassasLimit()
    {
        Assert.Equal("refund-pabc", PaymentRules.RefundKey("pabc"));
        var longKey = PaymentRules.RefundKey(new string('p', 64));
        Assert.Equal(64, longKey.Length);
        Assert.Equal(longKey, PaymentRules.RefundKey(new string('p', 64)));
    }

    [Fact]
    public void PaymentIds_New_AreWellFormedAndDistinct()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => PaymentIds.New()).ToHashSet();

        Assert.Equal(100, ids.Count);
        Assert.All(ids, id => Assert.True(PaymentIds.IsWellFormed(id)));
        Assert.False(PaymentIds.IsWellFormed("has space"));
    }

    private static PaymentState Pending(decimal amount = 100m, string currency = "XTR") => new()
    {
        UserId = "u1",
        TariffId = "month",
        Provider = currency == "XTR" ? PaymentProvider.Stars : PaymentProvider.Telegram,
        Status = PaymentStatus.Pending,
        Amount = amount,
        ListAmount = amount,
        Currency = currency,
        Priced = true,
        Days = 30,
        CreatedAt = Now,
    };
}
