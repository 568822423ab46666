package org.borderwatch.sharing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.sharing.MessageKind;
import org.borderwatch.sharing.ShareMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ShareMessage", description = "A message in a share's thread.",
        example = "{\"id\":\"2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e\",\"kind\":\"REQUEST_FOR_INFORMATION\",\"authorAgency\":\"CN-GX\","
                + "\"body\":\"Which crossing point did the motorbike use?\",\"dueAt\":\"2026-11-28T00:00:00Z\",\"answered\":false,\"overdue\":false,"
                + "\"createdAt\":\"2026-11-21T02:00:00Z\"}")
public record MessageView(
        @Schema(description = "Message id.", example = "2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e") UUID id,
        MessageKind kind,
        @Schema(description = "The writer's subject.", example = "9c3d1f2e-6a4b-4e8d-b1c7-2f5e8a9d0c13") String author,
        @Schema(description = "The writer's agency.", example = "CN-GX") String authorAgency,
        @Schema(description = "The text.", example = "Which crossing point did the motorbike use?") String body,
        @Schema(description = "Due date of a request.", example = "2026-11-28T00:00:00Z") Instant dueAt,
        @Schema(description = "The request a response answers.", example = "2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e") UUID answers,
        @Schema(description = "For a request: whether a response answers it.", example = "false") Boolean answered,
        @Schema(description = "For a request: unanswered past its due date.", example = "false") Boolean overdue,
        @Schema(description = "When it was written.", example = "2026-11-21T02:00:00Z") Instant createdAt) {

    public static MessageView of(ShareMessage m, boolean answered, boolean overdue) {
        boolean request = m.kind == MessageKind.REQUEST_FOR_INFORMATION;
        return new MessageView(m.id, m.kind, m.author, m.authorAgency, m.body, m.dueAt, m.answers, request ? answered : null,
                request ? overdue : null, m.createdAt);
    }

    @RegisterForReflection
    @Schema(name = "ShareThread", description = "A page of a share's messages, oldest first.", example = "{\"items\":[],\"nextCursor\":null}")
    public record Thread(
            @Schema(description = "The messages.") List<MessageView> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "dGhyZWFkfDIwMjYtMTEtMjFUMDI6MDA6MDBafDFhMmI",
                    nullable = true) String nextCursor) {
    }
}
