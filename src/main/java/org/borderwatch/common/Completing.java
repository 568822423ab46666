package org.borderwatch.common;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Work that must finish once started. A stream's client may go away at any moment (a phone closing its live
 * stream, an export cut short); cancelling the work then would roll back its transaction mid-flight and lose the
 * access record it writes. The shielded work runs to its commit; only the waiting for it is cancelled.
 */
public final class Completing {

    private Completing() {
    }

    public static <T> Uni<T> evenIfCancelled(Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<T> done = work.subscribeAsCompletionStage();
            return Uni.createFrom().completionStage(done.thenApply(Function.identity()));
        });
    }
}
