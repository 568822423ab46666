package org.borderwatch.common.web;

import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The request id, client address, user agent and device of the request being served. */
@ApplicationScoped
public class CurrentRequest {

    public RequestInfo info() {
        try {
            return ContextLocals.<RequestInfo>get(RequestIds.KEY)
                    .orElseGet(() -> new RequestInfo(UUID.randomUUID().toString(), null, null, null, null));
        } catch (UnsupportedOperationException e) {
            // not on a request's context (a scheduled job, for instance)
            return new RequestInfo(UUID.randomUUID().toString(), null, null, null, null);
        }
    }

    /** A purpose stated in a form (the console) instead of the header: recorded in the access log the same way. */
    public void statePurpose(String purpose) {
        ContextLocals.put(RequestIds.KEY, info().withPurpose(org.borderwatch.common.validation.SafeText.neutralised(purpose)));
    }

    public String requestId() {
        return info().requestId();
    }
}
