package org.borderwatch.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns validation and JSON binding failures into field errors that name the field in request terms. */
public final class FieldErrors {

    /** Fields the server sets; a client sending one is told so rather than that the field is unknown. */
    private static final String DUPLICATE = "Duplicate field '";
    private static final Set<String> SERVER_OWNED = Set.of("id", "agency", "reporter", "status", "version",
            "receivedAt", "updatedAt", "createdAt", "owner");

    private FieldErrors() {
    }

    public static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /** The binding failure, or null when the body is not JSON at all. */
    public static FieldError of(JsonProcessingException failure) {
        FieldError repeated = repeatedKey(failure);
        if (repeated != null) {
            return repeated;
        }
        if (!(failure instanceof JsonMappingException mapping)) {
            return null;
        }
        if (mapping.getPath().isEmpty()) {
            return new FieldError("body", "must be a JSON object of the documented shape");
        }
        String field = path(mapping.getPath());
        if (failure instanceof UnrecognizedPropertyException) {
            String name = ((UnrecognizedPropertyException) failure).getPropertyName();
            return new FieldError(field, SERVER_OWNED.contains(name) ? "is set by the server and must not be sent" : "is not a known field");
        }
        if (failure instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return new FieldError(field, "must be one of " + allowed);
        }
        if (failure instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return new FieldError(field, org.borderwatch.common.validation.SafeText.RULE);
        }
        return new FieldError(field, "has the wrong type or format");
    }

    /**
     * Jackson's strict duplicate detection reports "Duplicate field 'name'" while the parser stands in the object
     * holding it; databind may wrap that report, so the cause chain is searched for it.
     */
    private static FieldError repeatedKey(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            String message = at instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
            if (message != null && message.startsWith(DUPLICATE) && ((JsonProcessingException) at).getProcessor() instanceof JsonParser parser) {
                int end = message.indexOf('\'', DUPLICATE.length());
                String name = end < 0 ? "" : message.substring(DUPLICATE.length(), end);
                String parent = path(parser.getParsingContext());
                return new FieldError(parent.isEmpty() ? name : parent + "." + name, "appears more than once; send each field once");
            }
        }
        return null;
    }

    private static String path(JsonStreamContext context) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        JsonStreamContext object = context == null ? null : context.getParent();
        for (JsonStreamContext at = object; at != null && !at.inRoot(); at = at.getParent()) {
            names.push(at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName() == null ? "" : at.getCurrentName());
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String path(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        // A constraint on a whole parameter is on the request body (query and path values are checked by hand).
        return field.isEmpty() ? "body" : field.toString();
    }
}
