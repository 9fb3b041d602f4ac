namespace AnomalyConnect.Testing.Fakes;

/// <summary>A file uploaded to the fake Bot API (multipart), e.g. the photo of <c>sendPhoto</c>.</summary>
public sealed record FakeTelegramFile(string FileName, string? ContentType, byte[] Content);
