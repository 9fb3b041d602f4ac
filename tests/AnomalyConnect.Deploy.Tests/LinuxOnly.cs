// These tests drive Debian's nginx, openssl, bash and ufw scripts: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
