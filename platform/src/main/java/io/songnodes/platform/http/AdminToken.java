package io.songnodes.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token that mutating admin endpoints require ({@code SONGNODES_ADMIN_TOKEN}). Without a
 * configured token those endpoints refuse every request rather than run open.
 */
public final class AdminToken {

    public static final String SETTING = "songnodes.admin.token";

    private final Optional<byte[]> expected;

    private AdminToken(Optional<byte[]> expected) {
        this.expected = expected;
    }

    public static AdminToken of(Optional<String> token) {
        return new AdminToken(token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)));
    }

    public static AdminToken none() {
        return of(Optional.empty());
    }

    void check(HttpRequest request) {
        if (expected.isEmpty()) {
            throw new HttpError(403, "admin endpoints are disabled: set SONGNODES_ADMIN_TOKEN to enable them");
        }
        String presented = request.header("Authorization")
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()).strip())
                .orElseThrow(() -> new HttpError(401, "admin endpoint: send Authorization: Bearer <SONGNODES_ADMIN_TOKEN>"));
        // Constant-time comparison, so response timing reveals nothing about the token.
        if (!MessageDigest.isEqual(expected.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(401, "admin endpoint: wrong token");
        }
    }

    @Override
    public String toString() {
        return expected.isPresent() ? "AdminToken[set]" : "AdminToken[unset]";
    }
}
