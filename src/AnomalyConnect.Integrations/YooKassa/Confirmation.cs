namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>
/// How the payer confirms (<c>confirmation</c>). We ask for <c>redirect</c> with a <see cref="ReturnUrl"/>; YooKassa answers
/// with the <see cref="ConfirmationUrl"/> to send the payer to.
/// </summary>
public sealed record Confirmation
{
    public const string TypeRedirect = "redirect";

    public required string Type { get; init; }

    public string? ReturnUrl { get; init; }

    public string? ConfirmationUrl { get; init; }

    public static Confirmation Redirect(string returnUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(returnUrl);
        return new Confirmation { Type = TypeRedirect, ReturnUrl = returnUrl };
    }
}
