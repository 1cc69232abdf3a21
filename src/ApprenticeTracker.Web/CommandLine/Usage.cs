namespace ApprenticeTracker.Web.CommandLine;

/// <summary>The help text of the command line.</summary>
public static class Usage
{
    public const string Text = """
        Usage: ApprenticeTracker.Web [verb] [arguments]
          (from the repository: dotnet run --project src/ApprenticeTracker.Web -- [verb] [arguments])

        With no verb, the web app starts: the database is migrated, the ST0413 standard shipped in
        samples/standards is imported if it is missing, and in the Development environment demo data is seeded.
        Host options such as --urls http://localhost:5090 may follow.

        Verbs:
          migrate                  Create the database if needed and apply every pending migration.
          import-standard <file>   Import a standard version from a Skills England JSON file. Importing the same
                                   reference and version again updates it. A relative path is looked up from the
                                   working folder, then from the app's folder (where samples/standards is copied).
          seed-demo [--scale small|large [--apprentices <n>]]
                                   Migrate, import ST0413 if missing, and add the demo providers, people and evidence
                                   (does nothing if the demo data is already there). --scale small is the default;
                                   --scale large also adds 2,000 apprentices (or n, up to 50,000) with 50 evidence
                                   items each to provider A, for trying the provider pages at scale.
          report --apprentice <email> --out <file.pdf>
                                   Write the end-point assessment report of one apprentice.
          report --cohort <name> [--provider <name>] --out <folder>
                                   Write a report for every apprentice of the cohort with that name. When two
                                   training providers have a cohort of that name, --provider says whose.
          report --all [--provider <name>] --out <folder>
                                   Write a report for every apprentice (of one training provider, with
                                   --provider). Long runs print "n of N" as they go.
          check-files [--dry-run]  Remove what interrupted uploads left in the data folder (staged uploads, request
                                   buffers, evidence files no attachment refers to) once older than
                                   App:OrphanFileGracePeriod (one hour), and list attachments whose file is missing
                                   (exit code 1 then). --dry-run lists what would be removed and removes nothing.
          backup --out <folder>    Write a consistent copy of the database, the evidence files and the keys to a new
                                   or empty folder, with manifest.sha256, readable by the owner only. Safe while the
                                   app runs.
          verify-backup <folder>   Check a backup against its manifest and its database, without restoring it.
          restore --from <folder>  Check a backup, then replace the data folder's database, evidence files and keys
                                   with it. Refused while the app or another verb uses the data folder.
          verify-audit             Check the audit trail's hash chain: exit 0 when it is intact, 1 naming the first
                                   event (id and time) that breaks it.
          copy-database --to <connection string>
                                   Copy every table of the SQLite database into an empty PostgreSQL database, in one
                                   transaction, keeping ids, and check every table's row count. Refused when the
                                   target has any rows.
          help                     Show this text.

        Exit codes: 0 success, 1 the verb failed (the reason is printed), 2 the command line was not understood.
        Configuration: App:DataPath (environment variable App__DataPath) sets the data folder, default "data";
        ConnectionStrings:Default overrides the database location; Database:Provider PostgreSQL with
        ConnectionStrings:Default runs on a PostgreSQL server instead of SQLite.
        """;
}
