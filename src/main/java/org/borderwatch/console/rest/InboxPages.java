package org.borderwatch.console.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.Params;
import org.borderwatch.console.service.Flattened;
import org.borderwatch.security.Caller;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.MessageKind;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.rest.MessageRequest;
import org.borderwatch.sharing.rest.MessageView;
import org.borderwatch.sharing.rest.ShareView;
import org.borderwatch.sharing.rest.ShareViews;
import org.borderwatch.sharing.service.InboxService;
import org.borderwatch.sharing.service.ShareEvents;
import org.borderwatch.sharing.service.ThreadService;

/** The liaison's inbox: shares to the agency, live; a share read for a stated purpose; its thread; the signed copy. */
@Path("/console/inbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.LIAISON)
public class InboxPages {

    /** A thread's first page; a longer thread continues in the API's pages (GET /shares/{id}/messages). */
    static final int THREAD_PAGE = 200;

    private final ConsoleSession session;
    private final CallerResolver callers;
    private final InboxService inbox;
    private final ThreadService threads;
    private final ShareEvents events;
    private final ShareViews views;
    private final PageLimit pageLimit;
    private final Forms forms;
    private final ObjectMapper json;

    public InboxPages(ConsoleSession session, CallerResolver callers, InboxService inbox, ThreadService threads, ShareEvents events,
                      ShareViews views, PageLimit pageLimit, Forms forms, ObjectMapper json) {
        this.session = session;
        this.callers = callers;
        this.inbox = inbox;
        this.threads = threads;
        this.events = events;
        this.views = views;
        this.pageLimit = pageLimit;
        this.forms = forms;
        this.json = json;
    }

    /** The inbox's filters, as the list and its live refresh both read them. */
    public record Filter(String status, boolean overdue) {

        ShareRepository.InboxFilter query() {
            ShareStatus wanted = Params.enumValue("status", status, ShareStatus.class);
            if (wanted == ShareStatus.PENDING_APPROVAL) {
                throw ProblemException.invalid("status", "must be one of ACTIVE, REVOKED, EXPIRED");
            }
            return new ShareRepository.InboxFilter(wanted, null, null, overdue);
        }

        public String query(String cursor) {
            return "?status=" + (status == null ? "" : status) + (overdue ? "&overdue=true" : "") + (cursor == null ? "" : "&cursor=" + cursor);
        }
    }

    /** One released snapshot, as the rows of what was released. */
    public record Snapshot(int version, Instant publishedAt, boolean signed, List<Flattened.Row> rows, List<UUID> evidence) {

        static Snapshot of(ObjectMapper json, org.borderwatch.sharing.rest.SnapshotView snapshot) {
            return new Snapshot(snapshot.version(), snapshot.publishedAt(), snapshot.signed(), Flattened.of(json, snapshot.content()),
                    snapshot.content().evidence() == null ? List.of()
                            : snapshot.content().evidence().stream().map(org.borderwatch.sharing.SharedCase.Evidence::id).toList());
        }
    }

    @GET
    public Uni<TemplateInstance> list(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
                                      @QueryParam("cursor") String cursor) {
        Filter filter = new Filter(status == null || status.isBlank() ? null : status, Params.flag("overdue", overdue));
        return page(filter, cursor).chain(page -> session.frame()
                .map(frame -> session.localized(Pages.inbox(frame, filter, page.items(), page.nextCursor()))));
    }

    /** The rows of the list alone, fetched again by the page when the live stream says something changed. */
    @GET
    @Path("rows")
    public Uni<TemplateInstance> rows(@QueryParam("status") String status, @QueryParam("overdue") String overdue) {
        Filter filter = new Filter(status == null || status.isBlank() ? null : status, Params.flag("overdue", overdue));
        return page(filter, null).map(page -> session.localized(Pages.inboxRows(page.items())));
    }

    private Uni<ShareView.Page> page(Filter filter, String cursor) {
        ShareRepository.InboxFilter query = filter.query();
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> inbox.list(caller, query, after, pageLimit.resolve(null)))
                .map(page -> new ShareView.Page(page.items().stream().map(views::forRecipient).toList(), page.nextCursor()));
    }

    /** What changed, as it happens: the kind and the share, never content (the page fetches its rows again). */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return Multi.createFrom().uni(callers.streaming())
                .onItem().transformToMultiAndConcatenate(opened -> events.stream(opened, null))
                .map(event -> sse.newEventBuilder().name("share").id(Long.toString(event.seq()))
                        .data(event.kind() + " " + event.shareId()).build());
    }

    /** Before a share is read, the liaison says why (the read is recorded with it). */
    @GET
    @Path("{shareId}")
    public Uni<TemplateInstance> ask(@PathParam("shareId") String shareId) {
        UUID id = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> inbox.received(caller, id, org.borderwatch.audit.AuditAction.SHARE_READ))
                .chain(share -> session.frame().map(frame -> session.localized(Pages.openShare(frame,
                        views.forRecipient(new org.borderwatch.sharing.service.ShareDetail(share, List.of(),
                                org.borderwatch.sharing.ThreadState.EMPTY, 0))))));
    }

    @POST
    @Path("{shareId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> open(@PathParam("shareId") String shareId, @FormParam("csrf") String csrf,
                                      @FormParam("purpose") String purpose) {
        UUID id = Params.uuid("shareId", shareId);
        return session.submitted(csrf).chain(caller -> show(caller, id, purpose, null));
    }

    @POST
    @Path("{shareId}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> acknowledge(@PathParam("shareId") String shareId, @FormParam("csrf") String csrf,
                                             @FormParam("purpose") String purpose) {
        UUID id = Params.uuid("shareId", shareId);
        session.statePurpose(purpose);
        return session.submitted(csrf).chain(caller -> inbox.acknowledge(caller, id).chain(() -> show(caller, id, purpose, "acknowledged")));
    }

    @POST
    @Path("{shareId}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> message(@PathParam("shareId") String shareId, @FormParam("csrf") String csrf,
                                         @FormParam("purpose") String purpose, @FormParam("kind") String kind,
                                         @FormParam("body") String body, @FormParam("dueAt") String dueAt,
                                         @FormParam("answers") String answers, @FormParam("offset") String offset) {
        UUID id = Params.uuid("shareId", shareId);
        MessageRequest request = forms.valid(new MessageRequest(Params.enumValue("kind", kind, MessageKind.class), body,
                Forms.time("dueAt", dueAt, offset(offset)), answers == null || answers.isBlank() ? null : Params.uuid("answers", answers)));
        session.statePurpose(purpose);
        return session.submitted(csrf).chain(caller -> threads.post(caller, id, request).chain(() -> show(caller, id, purpose, "sent")));
    }

    /** The signed copy of a snapshot, downloaded for a stated purpose: the compact JWS as the service signed it. */
    @POST
    @Path("{shareId}/snapshots/{version}/signed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("application/jose")
    public Uni<Response> signed(@PathParam("shareId") String shareId, @PathParam("version") String version,
                                @FormParam("csrf") String csrf, @FormParam("purpose") String purpose) {
        UUID id = Params.uuid("shareId", shareId);
        int number = Params.integer("version", version);
        session.statePurpose(purpose);
        return session.submitted(csrf).chain(caller -> inbox.signedCopy(caller, id, number))
                .map(jws -> Response.ok(jws, "application/jose")
                        .header("Content-Disposition", "attachment; filename=\"share-" + id + "-v" + number + ".jws\"").build());
    }

    private Uni<TemplateInstance> show(Caller caller, UUID id, String purpose, String notice) {
        session.statePurpose(purpose);
        return inbox.read(caller, id).chain(detail -> {
            ShareView share = views.forRecipient(detail);
            List<Snapshot> snapshots = share.snapshots() == null ? List.of() : share.snapshots().stream()
                    .map(s -> Snapshot.of(json, s)).toList();
            Uni<List<MessageView>> thread = share.status() == ShareStatus.ACTIVE
                    ? threads.read(caller, id, null, THREAD_PAGE).map(page -> page.messages().stream()
                            .map(m -> MessageView.of(m, page.answered().contains(m.id), page.overdue(m))).toList())
                    : Uni.createFrom().item(List.of());
            return thread.chain(messages -> session.frame().map(frame -> session.localized(Pages.share(frame, share, purpose.strip(),
                    snapshots, messages, messages.stream().filter(m -> Boolean.FALSE.equals(m.answered())).toList(), notice))));
        });
    }

    static String offset(String offset) {
        return offset != null && offset.matches("[+-](0\\d|1[0-4]):[0-5]\\d") ? offset : "+07:00";
    }
}
