namespace AnomalyConnect.Contracts.Bot;

public enum BroadcastState
{
    Draft,
    Running,
    Finished,
    Canceled,
}
