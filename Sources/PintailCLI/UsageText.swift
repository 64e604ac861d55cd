/// The `--help` and `--version` texts.
public enum UsageText {
    public static let version = "pintail 0.1.0"

    public static let help = """
        Usage: pintail [options]                 interactive shell (on a terminal) or SQL from standard input
               pintail [options] -c "SQL; ..."   run SQL given on the command line
               pintail [options] -f FILE.sql     run a SQL file ('-' reads standard input)
               pintail crawl FOLDER [crawl options]
                                                 register each dataset folder under FOLDER as a table

        Options:
          -c, --command SQL       SQL to run; statements are separated by ';' (may be repeated)
          -f, --file PATH         a SQL file to run (may be repeated; runs in the order given)
              --format FORMAT     table (default), csv, tsv, json (one object per line) or markdown
              --no-header         leave out the header line in csv and tsv output
          -q, --quiet             leave out the "(N rows in T s, B scanned)" line after each result
              --max-width N       cut table cells wider than N columns with '...' (default 100, 0: never)
          -d, --database NAME     the current database to start in (default: default)
              --catalog DIR       the folder holding catalog.db (default: $PINTAIL_HOME, else ~/.pintail)
              --threads N         worker threads for queries (default: one per core)
          -h, --help              show this help
              --version           show the version

        Crawl options:
          -d, --database NAME     the database the tables go to (created when missing; default: default)
              --prefix P          prepended to every table name
              --every SECONDS     crawl again every SECONDS until Ctrl-C (default: once)
              --on-schema-change update|log
                                  update an existing table whose files changed schema (default), or log it only
              --catalog DIR       as above

        Exit status: 0 when every statement succeeded, 1 when a statement failed, 2 for a usage error.
        See Docs/CLI.md for the output formats and the interactive shell.
        """
}
