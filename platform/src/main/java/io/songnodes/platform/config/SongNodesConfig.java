package io.songnodes.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's settings: defaults from {@code songnodes-defaults.properties}, overridden by the
 * environment. {@code KAFKA_*} variables become Kafka client properties
 * ({@code KAFKA_BOOTSTRAP_SERVERS} → {@code bootstrap.servers}), {@code SONGNODES_*} the platform's
 * own ({@code SONGNODES_HTTP_PORT} → {@code songnodes.http.port}), and {@code SCHEMA_REGISTRY_URL}
 * and {@code DATABASE_URL} point at external services. Immutable; typed accessors fail with a
 * {@link ConfigException} naming the variable to fix.
 */
public final class SongNodesConfig {

    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String DATABASE_URL = DatabaseUrl.SETTING;
    private static final String DEFAULTS = "/songnodes-defaults.properties";
    private static final String KAFKA_PREFIX = "kafka.";
    private static final String PLATFORM_PREFIX = "songnodes.";
    /** Variables that Kafka's own scripts and images set; they are not client properties. */
    private static final Set<String> NOT_KAFKA_PROPERTIES = Set.of("KAFKA_HOME", "KAFKA_OPTS", "KAFKA_HEAP_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG", "KAFKA_GC_LOG_OPTS");

    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("\\$\\{([a-z.]+)}");

    private final Map<String, String> settings;
    private final Optional<URI> schemaRegistryUrl;
    private final Optional<DatabaseUrl> databaseUrl;

    private SongNodesConfig(Map<String, String> settings, Optional<URI> schemaRegistryUrl, Optional<DatabaseUrl> databaseUrl) {
        this.settings = Map.copyOf(settings);
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.databaseUrl = databaseUrl;
    }

    public static SongNodesConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static SongNodesConfig from(Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>(defaults());
        environment.forEach((name, value) -> {
            if (name.startsWith("SONGNODES_")) {
                settings.put(propertyName(name), value);
            } else if (name.startsWith("KAFKA_") && !NOT_KAFKA_PROPERTIES.contains(name)) {
                settings.put(KAFKA_PREFIX + propertyName(name.substring("KAFKA_".length())), value);
            }
        });
        Optional<URI> registry = nonBlank(environment.get(SCHEMA_REGISTRY_URL)).map(SongNodesConfig::registryUrl);
        Optional<DatabaseUrl> database = nonBlank(environment.get(DATABASE_URL)).map(DatabaseUrl::parse);
        return new SongNodesConfig(settings, registry, database);
    }

    /** A copy with one platform or Kafka setting replaced, as a CLI option does. */
    public SongNodesConfig with(String property, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(property, value);
        return new SongNodesConfig(copy, schemaRegistryUrl, databaseUrl);
    }

    public SongNodesConfig withSchemaRegistryUrl(URI url) {
        return new SongNodesConfig(settings, Optional.of(url), databaseUrl);
    }

    /** Kafka client properties from {@code kafka.*} defaults and {@code KAFKA_*} variables. */
    public Map<String, Object> kafka() {
        Map<String, Object> kafka = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX)) {
                kafka.put(key.substring(KAFKA_PREFIX.length()), value);
            }
        });
        return kafka;
    }

    /** The external cluster's bootstrap servers; empty means the platform starts its embedded broker. */
    public Optional<String> kafkaBootstrapServers() {
        return nonBlank(settings.get(KAFKA_PREFIX + "bootstrap.servers"));
    }

    public SongNodesConfig withKafkaBootstrapServers(String bootstrapServers) {
        return with(KAFKA_PREFIX + "bootstrap.servers", bootstrapServers);
    }

    /** The external schema registry; empty means the platform runs its embedded one. */
    public Optional<URI> schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public Optional<DatabaseUrl> databaseUrl() {
        return databaseUrl;
    }

    public String string(String property) {
        String value = settings.get(property);
        if (value == null || value.isBlank()) {
            throw new ConfigException(variableName(property), "is required but not set");
        }
        return value.strip();
    }

    /** A setting that may be absent, e.g. a secret that enables an optional feature. */
    public Optional<String> optional(String property) {
        return nonBlank(settings.get(property));
    }

    public int integer(String property) {
        String value = string(property);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(variableName(property), "not a whole number: " + value);
        }
    }

    public int port(String property) {
        int port = integer(property);
        if (port < 0 || port > 65535) {
            throw new ConfigException(variableName(property), "not a port number (0-65535): " + port);
        }
        return port;
    }

    public Duration duration(String property) {
        try {
            return Durations.parse(string(property));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variableName(property), e.getMessage());
        }
    }

    /** The environment variable that sets a property, for messages that tell the user what to fix. */
    public static String variableName(String property) {
        String name = property.startsWith(KAFKA_PREFIX) ? "KAFKA_" + property.substring(KAFKA_PREFIX.length()) : property;
        return name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String propertyName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static URI registryUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, "must be an http(s) URL such as http://localhost:8081, was " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "not a URL: " + value);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Map<String, String> defaults() {
        Properties properties = new Properties();
        try (InputStream in = SongNodesConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put(k.toString(), withSystemProperties(v.toString())));
        return map;
    }

    /** Replaces {@code ${name}} with the JVM system property, e.g. {@code ${java.io.tmpdir}}. */
    private static String withSystemProperties(String value) {
        Matcher m = SYSTEM_PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(System.getProperty(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public String toString() {
        return "SongNodesConfig" + settings.keySet() + " registry=" + schemaRegistryUrl.map(URI::toString).orElse("embedded")
                + " database=" + databaseUrl.map(DatabaseUrl::toString).orElse("none");
    }
}
