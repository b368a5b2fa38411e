package dev.outageradar.config;

/**
 * A problem the user can fix by changing a setting, a file or a flag. Its message is one line that names
 * the key (or file), the value and what is allowed; the CLI prints it without a stack trace.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
