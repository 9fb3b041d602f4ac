using System.Globalization;
using AnomalyConnect.Contracts.Bot;
using AnomalyConnect.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace AnomalyConnect.Grains.Bot;

/// <summary>
/// A Telegram chat. Admitting an update is one turn: the update's id goes into <c>telegram_updates</c> (its primary key
/// makes a redelivery a no-op) and the update into the outbox partition of the chat, both committed together, so an
/// update is either recorded and queued or neither. The outbox then hands the chat's updates to the bot one at a time.
/// </summary>
internal sealed class TelegramChatGrain : Grain<TelegramChatState>, ITelegramChatGrain
{
    public const string GrainType = "tg-chat";

    public Task<bool> AdmitUpdateAsync(TelegramUpdateAdmission update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return UpdateAsync(async turn =>
        {
            var chatId = ChatId;
            if (!await RecordAsync(turn.Connection, turn.Transaction, update, chatId, turn.Now))
            {
                return false;
            }
            var state = turn.State ??= new TelegramChatState { FirstSeenAt = turn.Now };
            if (update.LanguageCode is { Length: > 0 } language)
            {
                state.LanguageCode = language;
            }
            state.LastUpdateId = Math.Max(state.LastUpdateId, update.UpdateId);
            turn.Send(BotOutboxKinds.TelegramUpdate, update.Partition, new TelegramUpdateMessage(update.UpdateId, chatId, update.UpdateJson));
            return true;
        });
    }

    public async Task<TelegramChatView?> GetAsync()
    {
        var state = await ReadStateAsync();
        return state is null
            ? null
            : new TelegramChatView(ChatId, state.LanguageCode, state.Blocked, state.BlockedAt, state.PendingInput, state.Referrer, state.DiscountCode, state.FirstSeenAt);
    }

    public Task SetBlockedAsync(bool blocked) => Change((state, now) =>
    {
        if (state.Blocked != blocked)
        {
            state.Blocked = blocked;
            state.BlockedAt = blocked ? now : null;
        }
        if (blocked)
        {
            state.PendingInput = null;
        }
    });

    public Task SetPendingInputAsync(string? input) => Change((state, _) => state.PendingInput = input);

    public Task<bool> RecordReferralAsync(string referrer)
    {
        ArgumentException.ThrowIfNullOrEmpty(referrer);
        return UpdateAsync(turn =>
        {
            var state = turn.State ??= new TelegramChatState { FirstSeenAt = turn.Now };
            if (state.Referrer is not null)
            {
                return false;
            }
            state.Referrer = referrer;
            return true;
        });
    }

    public Task SetDiscountCodeAsync(string? code) => Change((state, _) => state.DiscountCode = code);

    private long ChatId => long.Parse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private Task Change(Action<TelegramChatState, DateTimeOffset> change) => UpdateAsync(turn =>
    {
        change(turn.State ??= new TelegramChatState { FirstSeenAt = turn.Now }, turn.Now);
        return true;
    });

    private static async Task<bool> RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TelegramUpdateAdmission update, long chatId, DateTimeOffset now)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO telegram_updates (update_id, chat_id, payload, received_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (update_id) DO NOTHING
            """,
            connection,
            transaction);
        insert.Parameters.Add(new() { Value = update.UpdateId });
        insert.Parameters.Add(new() { Value = chatId });
        insert.Parameters.Add(new() { Value = update.UpdateJson });
        insert.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await insert.ExecuteNonQueryAsync() == 1;
    }
}
