using System.ComponentModel.DataAnnotations;

namespace AnomalyConnect.Integrations.YooKassa;

/// <summary>The shop's credentials. A class rather than a record so that printing it never prints the secret key.</summary>
public sealed class YooKassaOptions
{
    public const string SectionName = "YooKassa";

    public static readonly Uri DefaultBaseUrl = new("https://api.yookassa.ru");

    /// <summary>The API server; tests point it at a loopback fake (<c>YOOKASSA_API_URL</c>).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary><c>YOOKASSA_SHOP_ID</c>.</summary>
    [Required]
    public string ShopId { get; set; } = string.Empty;

    /// <summary><c>YOOKASSA_SECRET_KEY</c>.</summary>
    [Required]
    public string SecretKey { get; set; } = string.Empty;
}
