namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>
/// <c>applied</c>, <c>duplicate</c> (the event id was seen before; nothing changed) or <c>stale</c> (the event occurred
/// before the last one applied to the employee; nothing changed). DESIGN.md §4 names the first two; <c>stale</c> is
/// an addition so that the sender can tell an ignored event from an applied one — either way it need not resend.
/// </summary>
public sealed record HrEventResponse(string Status)
{
    public const string Applied = "applied";
    public const string Duplicate = "duplicate";
    public const string Stale = "stale";
}
