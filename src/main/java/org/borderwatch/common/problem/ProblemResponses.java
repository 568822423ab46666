package org.borderwatch.common.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** Documents the problem+json answers every operation can give, in one place instead of on each method. */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "400", "Invalid input: a query or path parameter, or the body, broke a rule (problem+json naming the field).",
            "401", "No valid bearer token.",
            "403", "The caller's role may not do this, or the token has no known agency.");
    private static final Map<String, String> ON_ONE_RESOURCE = Map.of(
            "404", "No such resource visible to the caller (another agency's resources look exactly like missing ones).");
    private static final Map<String, String> ON_WRITES = Map.of(
            "409", "Conflicts with the resource's current state.",
            "412", "If-Match names a version that is no longer current.",
            "413", "The body is larger than 256 KiB.",
            "415", "The body is not application/json.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            add(operation, EVERY_OPERATION);
            if (path.contains("{")) {
                add(operation, ON_ONE_RESOURCE);
            }
            if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.POST) {
                add(operation, ON_WRITES);
            }
        }));
    }

    private static void add(Operation operation, Map<String, String> answers) {
        APIResponses responses = operation.getResponses();
        answers.forEach((status, description) -> responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(ProblemMapper.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))))));
    }
}
