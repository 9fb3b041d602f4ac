using System.Globalization;
using AnomalyConnect.Contracts.Audit;

namespace AnomalyConnect.Bot.Admin;

/// <summary>Who an admin command is audited as: an admin, named by their Telegram id.</summary>
internal static class AdminActor
{
    public static Actor Of(long telegramId) => Actor.Admin("telegram:" + telegramId.ToString(CultureInfo.InvariantCulture), address: null);
}
