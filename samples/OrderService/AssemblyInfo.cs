using Impulse;

// Events and results use camelCase names, as most AWS and web JSON does.
[assembly: ImpulseJson(Naming = JsonNaming.CamelCase)]
