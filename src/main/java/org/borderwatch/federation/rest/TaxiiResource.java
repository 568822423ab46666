package org.borderwatch.federation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.common.web.Params;
import org.borderwatch.federation.repository.FederationExchangeRepository;
import org.borderwatch.federation.service.TaxiiCollections;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * TAXII 2.1, read only, over mutual TLS: discovery, the API root, the caller's one collection, its objects (with
 * {@code added_after}, {@code next}, {@code limit} and {@code match[id|type|version]}), one object and its versions,
 * and the manifest. Each object's signature travels beside it in the envelope, under {@code x_borderwatch_signatures}.
 * TAXII is its own specification, so these routes are not part of the service's OpenAPI document.
 */
@Path("/taxii2")
@PermitAll // no bearer token: the partner is identified by its pinned client certificate (TaxiiCollections.partner)
@Produces(TaxiiResource.TAXII)
public class TaxiiResource {

    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";
    static final String ROOT = "borderwatch";

    private final TaxiiCollections collections;
    private final ObjectMapper json;

    public TaxiiResource(TaxiiCollections collections, ObjectMapper json) {
        this.collections = collections;
        this.json = json;
    }

    @GET
    @Path("/")
    @Operation(hidden = true)
    public Uni<ObjectNode> discovery(@Context HttpServerRequest request, @HeaderParam("Accept") String accept) {
        String root = "https://" + request.host() + "/taxii2/" + ROOT + "/";
        return forPartner(request, accept, partner -> {
            ObjectNode discovery = json.createObjectNode().put("title", "Borderwatch").put("description",
                    "Read-only TAXII 2.1 collections of the releases, messages, receipts and recalls for each federated partner")
                    .put("default", root);
            discovery.putArray("api_roots").add(root);
            return discovery;
        });
    }

    @GET
    @Path("/" + ROOT + "/")
    @Operation(hidden = true)
    public Uni<ObjectNode> apiRoot(@Context HttpServerRequest request, @HeaderParam("Accept") String accept) {
        return forPartner(request, accept, partner -> {
            ObjectNode root = json.createObjectNode().put("title", "Borderwatch federation").put("max_content_length", 0);
            root.putArray("versions").add(TAXII);
            return root;
        });
    }

    @GET
    @Path("/" + ROOT + "/collections/")
    @Operation(hidden = true)
    public Uni<ObjectNode> collections(@Context HttpServerRequest request, @HeaderParam("Accept") String accept) {
        return forPartner(request, accept, partner -> {
            ObjectNode list = json.createObjectNode();
            list.putArray("collections").add(collection(TaxiiCollections.collectionOf(partner.installation), partner.installation));
            return list;
        });
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/")
    @Operation(hidden = true)
    public Uni<ObjectNode> collection(@Context HttpServerRequest request, @HeaderParam("Accept") String accept, @PathParam("id") String id) {
        acceptable(accept);
        return collections.collection(peer(request), id).map(partner -> collection(id, partner.installation));
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/objects/")
    @Operation(hidden = true)
    public Uni<Response> objects(@Context HttpServerRequest request, @HeaderParam("Accept") String accept, @PathParam("id") String id,
                                 @QueryParam("added_after") String addedAfter, @QueryParam("next") String next,
                                 @QueryParam("limit") String limit, @QueryParam("match[id]") String ids,
                                 @QueryParam("match[type]") String types, @QueryParam("match[version]") String version) {
        acceptable(accept);
        return page(request, id, addedAfter, next, limit, match(ids, types, version)).map(this::envelope);
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/objects/{objectId}/")
    @Operation(hidden = true)
    public Uni<Response> object(@Context HttpServerRequest request, @HeaderParam("Accept") String accept, @PathParam("id") String id,
                                @PathParam("objectId") String objectId, @QueryParam("added_after") String addedAfter,
                                @QueryParam("next") String next, @QueryParam("limit") String limit,
                                @QueryParam("match[version]") String version) {
        acceptable(accept);
        return page(request, id, addedAfter, next, limit, match(stixId("objectId", objectId), null, version)).map(this::envelope);
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/objects/{objectId}/versions/")
    @Operation(hidden = true)
    public Uni<Response> versions(@Context HttpServerRequest request, @HeaderParam("Accept") String accept, @PathParam("id") String id,
                                  @PathParam("objectId") String objectId, @QueryParam("added_after") String addedAfter,
                                  @QueryParam("next") String next, @QueryParam("limit") String limit) {
        acceptable(accept);
        return page(request, id, addedAfter, next, limit, match(stixId("objectId", objectId), null, "all")).map(page -> {
            ObjectNode body = json.createObjectNode().put("more", page.more());
            ArrayNode versions = body.putArray("versions");
            page.entries().forEach(entry -> versions.add(entry.modified()));
            return paged(page, body);
        });
    }

    @GET
    @Path("/" + ROOT + "/collections/{id}/manifest/")
    @Operation(hidden = true)
    public Uni<Response> manifest(@Context HttpServerRequest request, @HeaderParam("Accept") String accept, @PathParam("id") String id,
                                  @QueryParam("added_after") String addedAfter, @QueryParam("next") String next,
                                  @QueryParam("limit") String limit, @QueryParam("match[id]") String ids,
                                  @QueryParam("match[type]") String types, @QueryParam("match[version]") String version) {
        acceptable(accept);
        return page(request, id, addedAfter, next, limit, match(ids, types, version)).map(page -> {
            ObjectNode body = json.createObjectNode().put("more", page.more());
            ArrayNode objects = body.putArray("objects");
            page.entries().forEach(entry -> objects.addObject().put("id", entry.stixId()).put("date_added", entry.dateAdded().toString())
                    .put("version", entry.modified()).put("media_type", STIX));
            return paged(page, body);
        });
    }

    /** The answer for the partner whose certificate the connection presented, in TAXII's media type. */
    private Uni<ObjectNode> forPartner(HttpServerRequest request, String accept,
                                       java.util.function.Function<org.borderwatch.federation.FederationPartner, ObjectNode> answer) {
        acceptable(accept);
        return collections.partner(peer(request)).map(answer);
    }

    private Uni<TaxiiCollections.Page> page(HttpServerRequest request, String collection, String addedAfter, String next, String limit,
                                            FederationExchangeRepository.Match match) {
        Instant after = addedAfter == null ? null : Params.instant("added_after", addedAfter);
        long position = next == null ? 0 : positive("next", next);
        Integer size = limit == null ? 100 : Params.integer("limit", limit);
        if (size < 1 || size > TaxiiCollections.MAX_PAGE) {
            throw ProblemException.invalid("limit", "must be between 1 and " + TaxiiCollections.MAX_PAGE);
        }
        return collections.objects(peer(request), collection, position, after, match, size);
    }

    private Response envelope(TaxiiCollections.Page page) {
        ObjectNode body = json.createObjectNode().put("more", page.more());
        ArrayNode objects = body.putArray("objects");
        ArrayNode signatures = body.putArray("x_borderwatch_signatures");
        for (FederationExchangeRepository.Entry entry : page.entries()) {
            try {
                objects.add(json.readTree(entry.object()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored object " + entry.stixId() + " is not JSON", e);
            }
            signatures.addObject().put("id", entry.stixId()).put("version", entry.modified()).put("date_added", entry.dateAdded().toString())
                    .put("jws", entry.jws());
        }
        return paged(page, body);
    }

    private Response paged(TaxiiCollections.Page page, ObjectNode body) {
        if (page.more()) {
            body.put("next", String.valueOf(page.entries().get(page.entries().size() - 1).seq()));
        }
        Response.ResponseBuilder response = Response.ok(body, TAXII).header("Cache-Control", "no-store");
        if (!page.entries().isEmpty()) {
            response.header("X-TAXII-Date-Added-First", page.entries().get(0).dateAdded().toString())
                    .header("X-TAXII-Date-Added-Last", page.entries().get(page.entries().size() - 1).dateAdded().toString());
        }
        return response.build();
    }

    private ObjectNode collection(String id, String installation) {
        ObjectNode collection = json.createObjectNode().put("id", id).put("title", "Releases for " + installation)
                .put("can_read", true).put("can_write", false);
        collection.putArray("media_types").add(STIX);
        return collection;
    }

    private static FederationExchangeRepository.Match match(String ids, String types, String version) {
        List<String> idList = ids == null ? null : Arrays.stream(ids.split(",")).map(id -> stixId("match[id]", id)).toList();
        List<String> typeList = types == null ? null : Arrays.stream(types.split(",")).map(type -> {
            if (!type.matches("[a-z0-9][a-z0-9-]{0,249}")) {
                throw ProblemException.invalid("match[type]", "not a STIX type");
            }
            return type;
        }).toList();
        if (version != null && !List.of("all", "first", "last").contains(version)) {
            Params.instant("match[version]", version);
        }
        return new FederationExchangeRepository.Match(idList, typeList, version);
    }

    private static String stixId(String field, String value) {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ProblemException.invalid(field, "not a STIX identifier");
        }
        return value;
    }

    private static long positive(String field, String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw ProblemException.invalid(field, "not a position this server gave");
        }
        return Long.parseLong(value);
    }

    /** TAXII answers in its own media type; a client asking only for something else gets 406. */
    private static void acceptable(String accept) {
        if (accept != null && !accept.isBlank() && !accept.contains("application/taxii+json") && !accept.contains("*/*")
                && !accept.contains("application/*") && !accept.contains("application/json")) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "TAXII answers in " + TAXII);
        }
    }

    static X509Certificate peer(HttpServerRequest request) {
        SSLSession session = request.isSSL() ? request.sslSession() : null;
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? leaf : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }
}
