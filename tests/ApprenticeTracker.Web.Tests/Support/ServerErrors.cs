using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NUnit.Framework.Interfaces;

[assembly: ApprenticeTracker.Web.Tests.Support.ServerErrors.ReportOnFailure]

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// The errors every host the tests start logs, kept for a while: a test that fails prints those logged while it ran,
/// so a 500 seen only in CI comes with its exception. Hosts log through <see cref="Provider"/> (see
/// <see cref="AppFactory"/>).
/// </summary>
public static class ServerErrors
{
    private const int Kept = 200;
    private static readonly ConcurrentQueue<(DateTimeOffset At, string Text)> Recent = new();

    private static void Record(string text)
    {
        Recent.Enqueue((DateTimeOffset.UtcNow, text));
        while (Recent.Count > Kept && Recent.TryDequeue(out _))
        {
        }
    }

    /// <summary>Records what hosts log at Error and above.</summary>
    public sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    Record($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
                }
            }
        }
    }

    /// <summary>After a failed test, writes the server errors logged since it started to its output.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class ReportOnFailureAttribute : Attribute, ITestAction
    {
        private static readonly AsyncLocal<DateTimeOffset> Started = new();

        public ActionTargets Targets => ActionTargets.Test;

        public void BeforeTest(ITest test) => Started.Value = DateTimeOffset.UtcNow;

        public void AfterTest(ITest test)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
            {
                return;
            }

            var since = Started.Value;
            foreach (var (at, text) in Recent.Where(e => e.At >= since))
            {
                TestContext.Out.WriteLine($"Server error logged at {at:HH:mm:ss.fff}: {text}");
            }
        }
    }
}
