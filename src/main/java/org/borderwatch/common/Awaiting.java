package org.borderwatch.common;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** For the few blocking endpoints (file streaming): runs reactive work (Hibernate Reactive) on a Vert.x context and waits for it. */
public final class Awaiting {

    private Awaiting() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
