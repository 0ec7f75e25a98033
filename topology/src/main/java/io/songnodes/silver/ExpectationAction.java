package io.songnodes.silver;

/** What happens to a playlist that fails an expectation. */
public enum ExpectationAction {
    /** Keep it, count the failure, note it in the playlist's warnings. */
    WARN,
    /** Send the Bronze record to the dead-letter topic with the reason, count it; nothing reaches Silver. */
    QUARANTINE,
    /** Publish the playlist marked FAILED with the reason, count it; downstream does not trust its plays. */
    FAIL_PLAYLIST
}
