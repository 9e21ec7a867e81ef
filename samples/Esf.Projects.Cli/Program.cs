using Esf.Projects.Cli;

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return CliApplication.Run(args, stdin, stdout, Console.Error);
