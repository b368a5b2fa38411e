package dev.outageradar.classify;

import dev.outageradar.config.ConfigException;

/**
 * A service catalog that cannot be used. The message is one line naming the file, the service or key, the
 * bad value and what is allowed, e.g. {@code config/services.yaml: service "spot ify": id must match [a-z0-9-]+}.
 */
public final class CatalogException extends ConfigException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
