package org.borderwatch.console.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.UUID;
import org.borderwatch.common.Awaiting;
import org.borderwatch.common.web.Params;
import org.borderwatch.evidence.rest.EvidenceDownload;
import org.borderwatch.security.Roles;

/**
 * An evidence file downloaded from the console for a stated purpose, through the same path as the API: the original
 * for the owner's supervisors, the partner copy for a partner's liaison, recorded in the chain of custody.
 */
@Path("/console/evidence")
@RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
public class EvidencePages {

    private final ConsoleSession session;
    private final EvidenceDownload downloads;

    public EvidencePages(ConsoleSession session, EvidenceDownload downloads) {
        this.session = session;
        this.downloads = downloads;
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("purpose") String purpose)
            throws SQLException {
        UUID evidenceId = Params.uuid("id", id);
        session.statePurpose(purpose);
        return downloads.serve(Awaiting.await(() -> session.submitted(csrf)), evidenceId, null);
    }
}
