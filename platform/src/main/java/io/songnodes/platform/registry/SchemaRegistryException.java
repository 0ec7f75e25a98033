package io.songnodes.platform.registry;

/** The registry could not be reached or answered with an error. */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** HTTP status, or -1 when no answer came. */
    public int status() {
        return status;
    }

    /** The registry's error code, e.g. 40401 (subject not found), or -1. */
    public int errorCode() {
        return errorCode;
    }
}
