package io.songnodes.enrich.providers;

import io.songnodes.enrich.TrackField;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A provider's name and the fields it supplies, which every client states the same way. */
abstract class ProviderBase implements MetadataProvider {

    private final String name;
    private final Set<TrackField> fields;

    ProviderBase(String name, TrackField... fields) {
        this.name = name;
        this.fields = Collections.unmodifiableSet(EnumSet.copyOf(List.of(fields)));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<TrackField> fields() {
        return fields;
    }
}
