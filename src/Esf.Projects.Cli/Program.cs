using Esf.Projects.Cli;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return await CliApplication.RunAsync(args, stdin, stdout, Console.Error).ConfigureAwait(false);
