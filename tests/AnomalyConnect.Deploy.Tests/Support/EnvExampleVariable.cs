namespace AnomalyConnect.Deploy.Tests.Support;

/// <summary>One variable of an env example file.</summary>
public sealed record EnvExampleVariable(string Name, string Value, bool IsSet, bool HasComment);
