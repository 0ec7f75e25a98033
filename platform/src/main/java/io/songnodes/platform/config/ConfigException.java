package io.songnodes.platform.config;

/**
 * A setting is missing or malformed. The message is one line that names the setting as the user
 * sets it (the environment variable), so the CLI can print it and exit without a stack trace.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public ConfigException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
