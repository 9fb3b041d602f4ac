using AnomalyConnect.Bot.Configuration;
using AnomalyConnect.Bot.Keyboards;
using AnomalyConnect.Bot.Sending;
using AnomalyConnect.Bot.Texts;
using AnomalyConnect.Bot.Updates;
using AnomalyConnect.Integrations.Telegram;

namespace AnomalyConnect.Bot.Conversations;

/// <summary>The main menu: shown in place of the message a button sat under, or sent after a sentence.</summary>
internal sealed class MenuFlow(BotSender sender, BotOptions options)
{
    public Task ShowAsync(BotRequest request, CancellationToken cancellationToken) =>
        sender.ShowAsync(request.ChatId, request.MessageId, request.Texts.Menu, Keyboard(request.Texts), cancellationToken);

    /// <summary>A new message: <paramref name="lead"/> with the menu under it.</summary>
    public Task SendAsync(BotRequest request, string lead, CancellationToken cancellationToken) =>
        sender.SendTextAsync(request.ChatId, lead, Keyboard(request.Texts), cancellationToken: cancellationToken);

    public InlineKeyboardMarkup Keyboard(BotTexts texts) =>
        BotKeyboards.Main(texts, trial: options.TrialDays > 0, invite: options.BotUsername is not null);
}
