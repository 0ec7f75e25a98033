package io.songnodes.enrich;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A provider's calls per UTC day. A spent budget skips the provider until the next day; the
 * count lives in memory, so a restart starts the day's count again (see docs/enrichment.md).
 */
public final class DailyBudget {

    private final long limit;
    private final Clock clock;
    private LocalDate day;
    private long used;

    public DailyBudget(long limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.day = today();
    }

    /** Takes one call from today's budget; false when it is spent. */
    public synchronized boolean tryConsume() {
        rollOver();
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    public synchronized long remaining() {
        rollOver();
        return limit - used;
    }

    public long limit() {
        return limit;
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            used = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
