package io.songnodes.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the CLI with a given environment, capturing what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> environment, String... args) {
        return of(new StringWriter(), environment, args);
    }

    /** Runs with standard output going to {@code out}, which another thread may read while the command runs. */
    static CliRun of(StringWriter out, Map<String, String> environment, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = SongNodesCli.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
