package org.borderwatch.security;

/**
 * A request over its caller's rate limit: answered 429 with Retry-After. Only the first refusal of a burst is worth
 * recording (a flood must not become a flood of audit rows); the access log decides how it records it.
 */
public class RateLimitedException extends RuntimeException {

    private final transient Caller caller;
    private final long retryAfterSeconds;
    private final boolean worthRecording;

    public RateLimitedException(Caller caller, String detail, long retryAfterSeconds, boolean worthRecording) {
        super(detail, null, false, false);
        this.caller = caller;
        this.retryAfterSeconds = retryAfterSeconds;
        this.worthRecording = worthRecording;
    }

    public Caller caller() {
        return caller;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean worthRecording() {
        return worthRecording;
    }
}
