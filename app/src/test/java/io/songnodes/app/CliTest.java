package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {

    private static List<List<String>> commandPaths(CommandLine command, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                paths.addAll(commandPaths(sub, path));
            }
        });
        return paths;
    }

    @Test
    void everyCommandHasHelp() {
        List<List<String>> paths = commandPaths(SongNodesCli.commandLine(Map.of()), List.of());
        assertThat(paths).contains(List.of("demo"), List.of("broker"), List.of("topics", "apply"), List.of("topics", "list"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: songnodes").contains("--help");
        }
    }

    @Test
    void aMalformedDatabaseUrlIsOneLineAndExitCode2WithoutThePassword() {
        CliRun run = CliRun.of(Map.of("DATABASE_URL", "postgresql://songnodes:hunter2@/music"), "demo", "--duration", "1s");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("songnodes: DATABASE_URL: no host in postgresql://user:password@host:port/db" + System.lineSeparator());
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }

    @Test
    void anUnreachableBootstrapServerIsOneLineAndExitCode2() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort, "SONGNODES_KAFKA_CONNECT_TIMEOUT", "2s"),
                "topics", "list");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("songnodes: KAFKA_BOOTSTRAP_SERVERS: no Kafka broker answered at 127.0.0.1:" + closedPort);
    }

    @Test
    void topicsNeedAClusterToTalkTo() {
        CliRun run = CliRun.of(Map.of(), "topics", "apply");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("songnodes: KAFKA_BOOTSTRAP_SERVERS: is required for topics commands");
    }

    @Test
    void aBadDurationIsAUsageError() {
        CliRun run = CliRun.of(Map.of(), "demo", "--duration", "soon");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a duration");
    }
}
