using System.Net;
using System.Text.RegularExpressions;

namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>The admin UI over plain HTTP: a cookie jar, the login form, and the CSRF token of the session's pages.</summary>
internal sealed partial class AdminWeb : IDisposable
{
    private readonly HttpClientHandler handler;

    public AdminWeb(Uri baseAddress)
    {
        handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => handler.CookieContainer;

    /// <summary>Opens the login form (which sets its cookie) and posts it; returns the response of the post.</summary>
    public async Task<HttpResponseMessage> LogInAsync(string login, string password, string? code = null, IDictionary<string, string>? headers = null)
    {
        var form = await Http.GetStringAsync("/admin/login");
        var fields = new Dictionary<string, string>
        {
            ["_csrf"] = HiddenValue(form, "_csrf"),
            ["return"] = "/admin",
            ["login"] = login,
            ["password"] = password,
        };
        if (code is not null)
        {
            fields["code"] = code;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = new FormUrlEncodedContent(fields) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await Http.SendAsync(request);
    }

    /// <summary>The session's CSRF token, as every logged-in page carries it.</summary>
    public async Task<string> CsrfTokenAsync() => HiddenValue(await Http.GetStringAsync("/admin/account"), "_csrf");

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields));

    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No hidden field {name} in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }
}
