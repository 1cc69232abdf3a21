namespace ApprenticeTracker.Web.CommandLine;

/// <summary>The process exit codes of the command-line verbs.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The verb ran and failed, for example a standard file the importer refused.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong: an unknown verb or option, or a missing argument.</summary>
    public const int Usage = 2;
}
