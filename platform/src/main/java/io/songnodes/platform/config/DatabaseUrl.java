package io.songnodes.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location given as {@code postgresql://user:password@host:port/db}. The password is
 * kept out of {@link #toString()} so that logging or printing the value never leaks it.
 */
public final class DatabaseUrl {

    static final String SETTING = "DATABASE_URL";
    private static final int DEFAULT_PORT = 5432;

    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String database;

    private DatabaseUrl(String user, String password, String host, int port, String database) {
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.database = database;
    }

    public static DatabaseUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            // The raw value may hold a password: never echo it.
            throw new ConfigException(SETTING, "not a URL of the form postgresql://user:password@host:port/db");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new ConfigException(SETTING, "scheme must be postgresql:// (was " + scheme + "://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(SETTING, "no host in postgresql://user:password@host:port/db");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isBlank() || database.contains("/")) {
            throw new ConfigException(SETTING, "no database name in postgresql://user:password@host:port/db");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseUrl(user, password, uri.getHost(), port, database);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String user() {
        return user;
    }

    /** The password, for the JDBC driver only; never log it. */
    public String password() {
        return password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL with the password replaced by {@code ***}. */
    @Override
    public String toString() {
        String credentials = user == null ? "" : user + (password == null ? "" : ":***") + "@";
        return "postgresql://" + credentials + host + ":" + port + "/" + database;
    }
}
