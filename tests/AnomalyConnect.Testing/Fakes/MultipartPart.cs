namespace AnomalyConnect.Testing.Fakes;

/// <summary>One part of a multipart/form-data body: a field (<see cref="FileName"/> null) or an uploaded file.</summary>
public sealed record MultipartPart(string Name, string? FileName, string? ContentType, byte[] Content);
