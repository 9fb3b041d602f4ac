namespace AnomalyConnect.Contracts.Admin;

/// <summary>A TOTP secret to put into an authenticator app: base32 for typing, and the otpauth:// URI for a QR code.</summary>
public sealed record TotpEnrollment(string SecretBase32, string OtpAuthUri);
