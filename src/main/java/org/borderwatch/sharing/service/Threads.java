package org.borderwatch.sharing.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.sharing.MessageKind;
import org.borderwatch.sharing.ShareMessage;

/** Open and overdue requests for information in a share's thread. */
public record Threads(Set<UUID> answered, Set<UUID> open, Set<UUID> overdue) {

    public static Threads of(List<ShareMessage> messages, Instant now) {
        Set<UUID> answered = new HashSet<>();
        messages.stream().filter(m -> m.kind == MessageKind.RESPONSE).forEach(m -> answered.add(m.answers));
        Set<UUID> open = new HashSet<>();
        Set<UUID> overdue = new HashSet<>();
        for (ShareMessage m : messages) {
            if (m.kind == MessageKind.REQUEST_FOR_INFORMATION && !answered.contains(m.id)) {
                open.add(m.id);
                if (m.dueAt.isBefore(now)) {
                    overdue.add(m.id);
                }
            }
        }
        return new Threads(answered, open, overdue);
    }

    public static final Threads EMPTY = new Threads(Set.of(), Set.of(), Set.of());
}
