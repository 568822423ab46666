package org.borderwatch.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.FieldError;
import org.borderwatch.common.problem.FieldErrors;
import org.borderwatch.common.problem.Problem;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.common.web.CurrentRequest;
import org.borderwatch.report.ReportContent;
import org.borderwatch.report.rest.BatchResponse.Outcome;
import org.borderwatch.report.rest.BatchResponse.Result;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.Caller;

/**
 * Files the reports of an offline queue one after another, each as a filing of its own (grouped with whatever else
 * is being filed, a group that fails is filed one by one), so a bad item never blocks the others and every CREATED or
 * DUPLICATE result is already committed.
 */
@ApplicationScoped
public class ReportBatchService {

    private final ReportFilingService reports;
    private final AuditRecorder audit;
    private final ObjectMapper json;
    private final Validator validator;
    private final CurrentRequest request;
    private final ReportMetrics metrics;

    public ReportBatchService(ReportFilingService reports, AuditRecorder audit, ObjectMapper json, Validator validator,
                              CurrentRequest request, ReportMetrics metrics) {
        this.metrics = metrics;
        this.reports = reports;
        this.audit = audit;
        this.json = json;
        this.validator = validator;
        this.request = request;
    }

    public Uni<List<Result>> fileAll(Caller caller, List<JsonNode> items, Locale locale) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> fileOne(caller, item, locale))
                .collect().asList();
    }

    private Uni<Result> fileOne(Caller caller, JsonNode item, Locale locale) {
        String rawId = item != null && item.hasNonNull("id") ? item.get("id").asText() : null;
        UUID id;
        ReportContent content;
        try {
            id = parseId(item, rawId);
            content = parseContent((ObjectNode) item);
        } catch (ProblemException e) {
            return Uni.createFrom().item(failed(rawId, Outcome.INVALID, e, locale));
        }
        return reports.file(caller, id, content)
                .invoke(filed -> {
                    if (filed.created()) {
                        metrics.received(content.category());
                    }
                })
                .map(filed -> new Result(rawId, filed.created() ? Outcome.CREATED : Outcome.DUPLICATE, filed.report().status, null))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> failed(rawId, Outcome.CONFLICT, (ProblemException) e, locale))
                .onFailure(AccessDeniedException.class)
                .recoverWithUni(e -> refused(rawId, (AccessDeniedException) e, locale));
    }

    private Uni<Result> refused(String id, AccessDeniedException denial, Locale locale) {
        return audit.refused(denial.caller(), denial.action(), denial.resource(), denial.outcome(), denial.getMessage())
                .replaceWith(failed(id, Outcome.CONFLICT,
                        new ProblemException(ProblemType.CONFLICT, "This id cannot be used; make a new one"), locale));
    }

    private static UUID parseId(JsonNode item, String rawId) {
        if (item == null || !item.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        if (rawId == null || !item.get("id").isTextual()) {
            throw ProblemException.invalid("id", "is required and must be a UUID");
        }
        try {
            if (rawId.length() == 36) {
                return UUID.fromString(rawId);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid("id", "must be a UUID");
    }

    private ReportContent parseContent(ObjectNode item) {
        ObjectNode body = item.deepCopy();
        body.remove("id");
        ReportContent content;
        try {
            content = json.treeToValue(body, ReportContent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            FieldError error = e instanceof JsonProcessingException p ? FieldErrors.of(p) : null;
            throw error == null ? ProblemException.invalid("body", "is not a report")
                    : new ProblemException(ProblemType.VALIDATION, error.field() + " " + error.message(), List.of(error));
        }
        Set<ConstraintViolation<ReportContent>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            List<FieldError> errors = FieldErrors.of(violations);
            throw new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) invalid", errors);
        }
        return content;
    }

    private Result failed(String id, Outcome outcome, ProblemException e, Locale locale) {
        return new Result(id, outcome, null, Problem.of(e.type(), e.getMessage(), e.errors(), locale, request.requestId()));
    }
}
