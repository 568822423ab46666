package org.borderwatch.console.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.Params;
import org.borderwatch.console.service.Flattened;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.NarrativeRelease;
import org.borderwatch.sharing.Redaction;
import org.borderwatch.sharing.rest.ShareRequest;
import org.borderwatch.sharing.rest.ShareView;
import org.borderwatch.sharing.rest.ShareViews;
import org.borderwatch.sharing.service.ShareService;
import org.borderwatch.vetting.CaseFile;
import org.borderwatch.vetting.CaseStatus;
import org.borderwatch.vetting.service.CaseService;

/** Cases and their release: the form, the preview of exactly what leaves, the release, and four-eyes approvals. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SUPERVISOR)
public class CasePages {

    private final ConsoleSession session;
    private final CaseService cases;
    private final ShareService shares;
    private final ShareViews views;
    private final org.borderwatch.sharing.service.ThreadService threads;
    private final PageLimit pageLimit;
    private final Forms forms;
    private final ObjectMapper json;

    public CasePages(ConsoleSession session, CaseService cases, ShareService shares, ShareViews views,
                     org.borderwatch.sharing.service.ThreadService threads, PageLimit pageLimit, Forms forms, ObjectMapper json) {
        this.session = session;
        this.cases = cases;
        this.shares = shares;
        this.views = views;
        this.threads = threads;
        this.pageLimit = pageLimit;
        this.forms = forms;
        this.json = json;
    }

    /** A release form as submitted, echoed back into the preview so that what is released is what was previewed. */
    public static class Release {
        @PathParam("caseId") public String caseId;
        @FormParam("releaseId") public String releaseId;
        @FormParam("toAgency") public String toAgency;
        @FormParam("handlingCode") public String handlingCode;
        @FormParam("conditions") public String conditions;
        @FormParam("purpose") public String purpose;
        @FormParam("expiresAt") public String expiresAt;
        @FormParam("offset") public String offset;
        @FormParam("exactLocation") public String exactLocation;
        @FormParam("personIdentifiers") public String personIdentifiers;
        @FormParam("sources") public String sources;
        @FormParam("narrative") public String narrative;
        @FormParam("evidence") public String evidence;

        ShareRequest request(Forms forms) {
            List<UUID> items = new ArrayList<>();
            if (evidence != null && !evidence.isBlank()) {
                for (String id : evidence.split("[,\\s]+")) {
                    items.add(Params.uuid("evidence", id));
                }
            }
            Redaction redaction = new Redaction(checked(exactLocation), checked(personIdentifiers), checked(sources),
                    Params.enumValue("narrative", narrative, NarrativeRelease.class), items);
            return forms.valid(new ShareRequest(toAgency, Params.enumValue("handlingCode", handlingCode, HandlingCode.class),
                    conditions == null || conditions.isBlank() ? null : conditions, purpose,
                    Forms.time("expiresAt", expiresAt, InboxPages.offset(offset)), redaction));
        }

        public boolean on(String box) {
            return "true".equals(box);
        }

        private static boolean checked(String box) {
            return "true".equals(box);
        }
    }

    public record CaseRow(UUID id, String title, CaseStatus status, String categories, java.time.Instant updatedAt) {
    }

    @GET
    @Path("cases")
    public Uni<TemplateInstance> list(@QueryParam("cursor") String cursor) {
        String after = Params.text("cursor", cursor, 512);
        return session.caller().chain(caller -> cases.list(caller, null, null, after, pageLimit.resolve(null)))
                .chain(page -> session.frame().map(frame -> session.localized(Pages.cases(frame, page.items().stream()
                        .map(c -> row(c, page)).toList(), page.nextCursor()))));
    }

    private static CaseRow row(CaseFile c, CaseService.Page page) {
        return new CaseRow(c.id, c.title, c.status, String.join(", ", page.categories().getOrDefault(c.id, new java.util.TreeSet<>())), c.updatedAt);
    }

    /** A case with its reports and the shares made of it. */
    @GET
    @Path("cases/{caseId}")
    public Uni<TemplateInstance> caseFile(@PathParam("caseId") String caseId) {
        UUID id = Params.uuid("caseId", caseId);
        return session.caller().chain(caller -> cases.read(caller, id).chain(detail -> shares.ofCase(caller, id)
                .chain(given -> session.frame().map(frame -> session.localized(Pages.caseFile(frame, detail.caseFile(),
                        detail.reports().stream().map(r -> new CaseReport(r.id, r.category.name(), r.status.name(), r.occurredAt)).toList(),
                        given.stream().map(views::forOwner).toList()))))));
    }

    /** A report of a case as its page lists it (the report's own page shows the rest). */
    public record CaseReport(UUID id, String category, String status, java.time.Instant occurredAt) {
    }

    @GET
    @Path("cases/{caseId}/release")
    public Uni<TemplateInstance> form(@PathParam("caseId") String caseId) {
        UUID id = Params.uuid("caseId", caseId);
        return session.caller().chain(caller -> cases.read(caller, id)).chain(detail -> session.frame()
                .map(frame -> session.localized(Pages.release(frame, detail.caseFile().id, detail.caseFile().title, detail.reports().size()))));
    }

    @POST
    @Path("cases/{caseId}/release/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> preview(@BeanParam Release release, @FormParam("csrf") String csrf) {
        UUID id = Params.uuid("caseId", release.caseId);
        ShareRequest request = release.request(forms);
        // the release made from this preview is named now: pressing "release" twice, or retrying, makes one share
        release.releaseId = UUID.randomUUID().toString();
        return session.submitted(csrf).chain(caller -> shares.preview(caller, id, request))
                .chain(preview -> session.frame().map(frame -> session.localized(Pages.preview(frame, release,
                        Flattened.of(json, preview.content()), preview.needsApproval()))));
    }

    @POST
    @Path("cases/{caseId}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> release(@BeanParam Release release, @FormParam("csrf") String csrf) {
        UUID id = Params.uuid("caseId", release.caseId);
        UUID shareId = Params.uuid("releaseId", release.releaseId);
        ShareRequest request = release.request(forms);
        return session.submitted(csrf).chain(caller -> shares.release(caller, id, shareId, request))
                .map(released -> Response.seeOther(URI.create("/console/outgoing")).build());
    }

    @GET
    @Path("approvals")
    public Uni<TemplateInstance> approvals(@QueryParam("cursor") String cursor) {
        String after = Params.text("cursor", cursor, 512);
        return session.caller().chain(caller -> shares.outgoing(caller, true, after, pageLimit.resolve(null)))
                .chain(page -> session.frame().map(frame -> session.localized(Pages.approvals(frame,
                        page.items().stream().map(views::forOwner).toList(), page.nextCursor()))));
    }

    @POST
    @Path("cases/{caseId}/shares/{shareId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> approve(@PathParam("caseId") String caseId, @PathParam("shareId") String shareId, @FormParam("csrf") String csrf) {
        UUID caseUuid = Params.uuid("caseId", caseId);
        UUID shareUuid = Params.uuid("shareId", shareId);
        return session.submitted(csrf).chain(caller -> shares.approve(caller, caseUuid, shareUuid))
                .map(approved -> Response.seeOther(URI.create("/console/approvals")).build());
    }

    /** One outgoing share as its owner sees it: what was given, the thread (answering the partner's requests), revoking. */
    @GET
    @Path("cases/{caseId}/shares/{shareId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
    public Uni<TemplateInstance> given(@PathParam("caseId") String caseId, @PathParam("shareId") String shareId) {
        return ownerView(Params.uuid("caseId", caseId), Params.uuid("shareId", shareId), null);
    }

    @POST
    @Path("cases/{caseId}/shares/{shareId}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
    public Uni<TemplateInstance> reply(@PathParam("caseId") String caseId, @PathParam("shareId") String shareId, @FormParam("csrf") String csrf,
                                      @FormParam("kind") String kind, @FormParam("body") String body, @FormParam("dueAt") String dueAt,
                                      @FormParam("answers") String answers, @FormParam("offset") String offset) {
        UUID caseUuid = Params.uuid("caseId", caseId);
        UUID shareUuid = Params.uuid("shareId", shareId);
        org.borderwatch.sharing.rest.MessageRequest request = forms.valid(new org.borderwatch.sharing.rest.MessageRequest(
                Params.enumValue("kind", kind, org.borderwatch.sharing.MessageKind.class), body, Forms.time("dueAt", dueAt, InboxPages.offset(offset)),
                answers == null || answers.isBlank() ? null : Params.uuid("answers", answers)));
        return session.submitted(csrf).chain(caller -> threads.post(caller, shareUuid, request)).chain(() -> ownerView(caseUuid, shareUuid, "sent"));
    }

    @POST
    @Path("cases/{caseId}/shares/{shareId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> revoke(@PathParam("caseId") String caseId, @PathParam("shareId") String shareId, @FormParam("csrf") String csrf,
                                        @FormParam("reason") String reason) {
        UUID caseUuid = Params.uuid("caseId", caseId);
        UUID shareUuid = Params.uuid("shareId", shareId);
        String why = Params.text("reason", reason, 500);
        if (why == null || why.isBlank()) {
            throw org.borderwatch.common.problem.ProblemException.invalid("reason", "must say why access is cut (the partner sees it)");
        }
        return session.submitted(csrf).chain(caller -> shares.revoke(caller, caseUuid, shareUuid, why))
                .chain(() -> ownerView(caseUuid, shareUuid, "revoked"));
    }

    private Uni<TemplateInstance> ownerView(UUID caseId, UUID shareId, String notice) {
        return session.caller().chain(caller -> shares.read(caller, caseId, shareId).chain(detail -> {
            ShareView share = views.forOwner(detail);
            List<InboxPages.Snapshot> snapshots = share.snapshots() == null ? List.of() : share.snapshots().stream()
                    .map(x -> InboxPages.Snapshot.of(json, x)).toList();
            return threads.read(caller, shareId, null, InboxPages.THREAD_PAGE).map(page -> page.messages().stream()
                            .map(m -> org.borderwatch.sharing.rest.MessageView.of(m, page.answered().contains(m.id), page.overdue(m))).toList())
                    .chain(messages -> session.frame().map(frame -> session.localized(Pages.given(frame, share, snapshots, messages,
                            messages.stream().filter(m -> Boolean.FALSE.equals(m.answered())).toList(), notice))));
        }));
    }

    /** The agency's outgoing shares and their state, for its supervisors and liaisons. */
    @GET
    @Path("outgoing")
    @RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
    public Uni<TemplateInstance> outgoing(@QueryParam("cursor") String cursor) {
        String after = Params.text("cursor", cursor, 512);
        return session.caller().chain(caller -> shares.outgoing(caller, false, after, pageLimit.resolve(null)))
                .chain(page -> session.frame().map(frame -> session.localized(Pages.outgoing(frame,
                        page.items().stream().map(views::forOwner).toList(), page.nextCursor()))));
    }
}
