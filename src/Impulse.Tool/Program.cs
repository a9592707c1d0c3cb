using Impulse.Tool.Cli;

return await ImpulseCli.RunAsync(args, ToolConsole.FromProcess()).ConfigureAwait(false);
