package io.songnodes.platform.registry;

/** The registry refused a schema because it breaks the subject's compatibility rule (HTTP 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(String message) {
        super(409, 409, message);
    }
}
