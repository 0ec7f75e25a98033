package io.songnodes.schemas;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Avro's reader/writer resolution rules, phrased as the list of reasons a reader cannot read a writer's data. */
public final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /** Empty when data written with {@code writer} can be read with {@code reader}. */
    public static List<String> incompatibilities(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .toList();
    }
}
