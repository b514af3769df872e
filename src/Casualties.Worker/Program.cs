using Casualties.Worker.Cli;

return await CasualtiesCommand.Run(args);
