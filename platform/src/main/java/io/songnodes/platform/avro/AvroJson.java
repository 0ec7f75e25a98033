package io.songnodes.platform.avro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record as plain JSON for people and tools: its schema's field names, no union wrappers
 * (Avro's own JSON encoding writes {@code {"string": "x"}}), timestamps and dates in ISO-8601.
 */
public final class AvroJson {

    private AvroJson() {
    }

    public static Map<String, Object> toMap(IndexedRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.put(field.name(), value(record.get(field.pos())));
        }
        return json;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof IndexedRecord record) {
            return toMap(record);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AvroJson::value).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> json = new TreeMap<>();
            map.forEach((k, v) -> json.put(k.toString(), value(v)));
            return json;
        }
        return value.toString(); // strings (Utf8 too), enum symbols, Instant and LocalDate in ISO-8601
    }
}
