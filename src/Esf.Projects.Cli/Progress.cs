using Spectre.Console;

namespace Esf.Projects.Cli;

/// <summary>
/// A progress bar on stderr (Spectre.Console) while many files are parsed interactively. Silent — never created —
/// when stderr is redirected, when <c>CI</c> is set, when stderr is not the console (tests) or for fewer than 20
/// inputs. Diagnostics are written through it as they come, above the bar (<see cref="Writer"/>), so nothing is
/// held back and memory stays bounded however many pages have diagnostics.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly ProgressTask _task;
    private readonly IAnsiConsole _console;
    private readonly TaskCompletionSource _done = new();
    private readonly Task _display;

    private Progress(int total, string description)
    {
        var console = _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var ready = new TaskCompletionSource<ProgressTask>();
        _display = console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ready.SetResult(context.AddTask(description, maxValue: total));
                await _done.Task.ConfigureAwait(false);
            });
        _task = ready.Task.GetAwaiter().GetResult();
    }

    public static Progress? Start(int total, TextWriter stderr, string description = "Parsing pages") =>
        total >= 20 && ReferenceEquals(stderr is FailSafeWriter safe ? safe.Inner : stderr, Console.Error) && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? new Progress(total, description)
            : null;

    public void Advance(string source) => _task.Increment(1);

    /// <summary>Standard error while the bar shows: each write goes out through the live display, which keeps the bar below it.</summary>
    public TextWriter Writer => new ConsoleWriter(_console);

    /// <summary>Plain text (never markup) written to the console the bar lives on.</summary>
    private sealed class ConsoleWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                console.Write(new Spectre.Console.Text(value));
            }
        }
    }

    public void Dispose()
    {
        if (_done.TrySetResult())
        {
            _display.GetAwaiter().GetResult();
        }
    }
}
