// The test app writes JSON as most Lambda apps do, in camel case.
[assembly: Impulse.ImpulseJson(Naming = Impulse.JsonNaming.CamelCase)]
