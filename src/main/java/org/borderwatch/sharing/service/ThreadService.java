package org.borderwatch.sharing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.MessageKind;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareMessage;
import org.borderwatch.sharing.repository.MessageRepository;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.rest.MessageRequest;

/** A share's message thread, written by both agencies: comments, requests for information, responses. */
@ApplicationScoped
public class ThreadService {

    private final ShareRepository shares;
    private static final String KIND = "thread";

    private final MessageRepository messages;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final Clock clock;

    public ThreadService(ShareRepository shares, MessageRepository messages, AgencyAccess access, AuditRecorder audit, Clock clock) {
        this.shares = shares;
        this.messages = messages;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of a thread, oldest first, with which of its requests are answered and which are past due unanswered. */
    public record Page(List<ShareMessage> messages, Set<UUID> answered, Instant at, String nextCursor) {

        public boolean overdue(ShareMessage message) {
            return !answered.contains(message.id) && message.dueAt != null && message.dueAt.isBefore(at);
        }
    }

    @WithTransaction
    public Uni<Page> read(Caller caller, UUID shareId, String cursor, int limit) {
        Instant now = clock.instant();
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(KIND, cursor);
        return party(caller, shareId, AuditAction.SHARE_MESSAGES_READ, now)
                .call(share -> audit.allowed(caller, AuditAction.SHARE_MESSAGES_READ, AuditedResource.share(shareId, otherParty(caller, share))))
                .chain(share -> messages.page(shareId, after, limit))
                .chain(page -> messages.answered(page.stream().filter(m -> m.kind == MessageKind.REQUEST_FOR_INFORMATION).map(m -> m.id).toList())
                        .map(answered -> new Page(page, answered, now, page.size() < limit ? null : Cursor.encode(KIND,
                                new Cursor.TimeAndId(page.get(page.size() - 1).createdAt, page.get(page.size() - 1).id)))));
    }

    @WithTransaction
    public Uni<ShareMessage> post(Caller caller, UUID shareId, MessageRequest request) {
        Instant now = clock.instant();
        check(request, now);
        return party(caller, shareId, AuditAction.SHARE_MESSAGE, now).chain(share -> {
            if (share.statusAt(now).ended()) {
                throw new ProblemException(ProblemType.CONFLICT, "Share " + shareId + " is " + share.statusAt(now) + "; its thread is closed");
            }
            return answered(shareId, request).chain(() -> {
                ShareMessage message = new ShareMessage();
                message.id = UUID.randomUUID();
                message.shareId = shareId;
                message.kind = request.kind();
                message.author = caller.subject();
                message.authorAgency = caller.agency();
                message.body = request.body();
                message.dueAt = request.dueAt() == null ? null : request.dueAt().toInstant();
                message.answers = request.answers();
                message.createdAt = now;
                return messages.add(message).chain(messages::flush)
                        .chain(() -> share.wasReleased() ? shares.announce(share, "MESSAGE", now) : Uni.createFrom().voidItem())
                        .chain(() -> audit.allowed(caller, AuditAction.SHARE_MESSAGE, AuditedResource.share(shareId, otherParty(caller, share))))
                        .replaceWith(message);
            });
        });
    }

    /** The owner's supervisors and liaisons, or the recipient's liaisons once released; the recipient loses the thread when access ends. */
    private Uni<Share> party(Caller caller, UUID shareId, AuditAction action, Instant now) {
        return shares.byId(shareId).map(share -> {
            boolean owner = share != null && access.canSeeOutgoingShare(caller, share.fromAgency);
            boolean recipient = share != null && access.canReceiveShare(caller, share.toAgency, share.wasReleased());
            if (!owner && !recipient) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.share(shareId, share == null ? null : share.fromAgency),
                        share != null);
            }
            if (recipient) {
                InboxService.gone(share, now);
            }
            return share;
        });
    }

    private Uni<Void> answered(UUID shareId, MessageRequest request) {
        if (request.kind() != MessageKind.RESPONSE) {
            return Uni.createFrom().voidItem();
        }
        return messages.byId(request.answers()).map(asked -> {
            if (asked == null || !asked.shareId.equals(shareId) || asked.kind != MessageKind.REQUEST_FOR_INFORMATION) {
                throw ProblemException.invalid("answers", "is not a request for information in this thread");
            }
            return null;
        });
    }

    private static void check(MessageRequest request, Instant now) {
        boolean request4Info = request.kind() == MessageKind.REQUEST_FOR_INFORMATION;
        if (request4Info && request.dueAt() == null) {
            throw ProblemException.invalid("dueAt", "is required for a REQUEST_FOR_INFORMATION");
        }
        if (request4Info && !request.dueAt().toInstant().isAfter(now)) {
            throw ProblemException.invalid("dueAt", "must be in the future");
        }
        if (!request4Info && request.dueAt() != null) {
            throw ProblemException.invalid("dueAt", "is only for a REQUEST_FOR_INFORMATION");
        }
        if ((request.kind() == MessageKind.RESPONSE) != (request.answers() != null)) {
            throw ProblemException.invalid("answers", request.kind() == MessageKind.RESPONSE
                    ? "is required for a RESPONSE: the id of the request it answers" : "is only for a RESPONSE");
        }
    }

    private static String otherParty(Caller caller, Share share) {
        return share.otherPartyOf(caller.agency());
    }
}
