using System.Globalization;
using AnomalyConnect.Api.Admin.Markup;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin;

/// <summary>Form pieces of the admin UI, and reading posted fields.</summary>
public static class AdminForms
{
    public static Html Csrf(AdminRequest admin) =>
        Html.Of($"""<input type="hidden" name="{AdminSessionFilter.CsrfField}" value="{admin.Session.CsrfToken}">""");

    /// <summary>A one-button form posting to <paramref name="action"/>; <paramref name="confirm"/> asks first (admin.js).</summary>
    public static Html Button(AdminRequest admin, string action, string label, string? confirm = null, string kind = "") =>
        Html.Of(
            $"""<form method="post" action="{action}" class="inline"{Confirm(confirm)}>{Csrf(admin)}<button type="submit" class="{kind}">{label}</button></form>""");

    public static Html Confirm(string? question) =>
        question is null ? Html.Empty : Html.Of($" data-confirm=\"{question}\"");

    /// <summary>A labelled input; <paramref name="extra"/> holds further attributes written by the UI's own code.</summary>
    public static Html Field(string name, string label, string? value, string type = "text", bool required = false, string? hint = null, Html extra = default) =>
        Html.Of(
            $"""<label>{label}<input type="{type}" name="{name}" value="{value}"{(required ? Html.Of($" required") : Html.Empty)}{extra}>{(hint is null ? Html.Empty : Html.Of($"<small>{hint}</small>"))}</label>""");

    public static Html Select(string name, string label, string? selected, IEnumerable<(string Value, string Text)> options) =>
        Html.Of($"""<label>{label}<select name="{name}">{Html.Join(options.Select(o => Option(o.Value, o.Text, o.Value == selected)))}</select></label>""");

    private static Html Option(string value, string text, bool selected) =>
        Html.Of($"""<option value="{value}"{(selected ? Html.Of($" selected") : Html.Empty)}>{text}</option>""");

    public static Html Checkbox(string name, string label, bool isChecked) =>
        Html.Of($"""<label class="check"><input type="checkbox" name="{name}" value="on"{(isChecked ? Html.Of($" checked") : Html.Empty)}> {label}</label>""");

    /// <summary>The posted form; anything else (JSON, garbage, a broken multipart body) is a 4xx, never a 500.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            throw new BadHttpRequestException("The admin UI accepts only form posts.", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException exception)
        {
            throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest, exception);
        }
    }

    public static string? Text(IFormCollection form, string name) =>
        form[name] is { Count: > 0 } value && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    public static bool Flag(IFormCollection form, string name) => Text(form, name) is "on" or "true" or "1";

    /// <summary>A whole number, or an error sentence naming the field; empty is null.</summary>
    public static (long? Value, string? Error) Number(IFormCollection form, string name, string label, long min, long max)
    {
        if (Text(form, name) is not { } text)
        {
            return (null, null);
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? (number, null)
            : (null, $"{label} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    public static (decimal? Value, string? Error) Decimal(IFormCollection form, string name, string label, decimal min, decimal max)
    {
        if (Text(form, name) is not { } text)
        {
            return (null, null);
        }
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? (number, null)
            : (null, $"{label} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}
