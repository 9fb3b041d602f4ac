using System.Runtime.CompilerServices;

// The pricing, promo and state-machine rules are internal; their plain unit tests live in the payments test project.
[assembly: InternalsVisibleTo("AnomalyConnect.Payments.Tests")]
