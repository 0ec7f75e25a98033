package io.songnodes.gold.api;

import io.songnodes.platform.http.HttpError;
import io.songnodes.platform.http.HttpRequest;
import java.util.List;

/** Query parameters read strictly: a bad value is a 400 naming the parameter and what it accepts. */
final class Parameters {

    private Parameters() {
    }

    static int integer(HttpRequest request, String name, int fallback, int min, int max) {
        String raw = request.queryParam(name).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the accepted range
        }
        throw HttpError.badRequest(name, "'" + raw + "' is not a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    static String oneOf(HttpRequest request, String name, String fallback, String... accepted) {
        String value = request.queryParam(name).orElse(fallback);
        if (!List.of(accepted).contains(value)) {
            throw HttpError.badRequest(name, "'" + value + "' is not one of " + String.join(", ", accepted));
        }
        return value;
    }
}
