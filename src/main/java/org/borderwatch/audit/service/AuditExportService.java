package org.borderwatch.audit.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditSeal;
import org.borderwatch.audit.chain.ExportLine;
import org.borderwatch.audit.repository.AuditChainRepository;
import org.borderwatch.security.Caller;

/**
 * Streams the sealed access log page by page (constant memory), in chain order. Events neither done by
 * nor about the auditor's agency are exported as digests only: the chain still verifies through them.
 */
@ApplicationScoped
public class AuditExportService {

    private static final int PAGE = 1000;
    private final AuditChainRepository chain;

    public AuditExportService(AuditChainRepository chain) {
        this.chain = chain;
    }

    public Multi<ExportLine> export(Caller caller, long from, long to) {
        long[] next = {Math.max(1, from)};
        return Multi.createBy().repeating()
                .uni(() -> next, position -> next[0] > to ? Uni.createFrom().item(List.<ExportLine>of())
                        : page(caller, position[0], Math.min(to, position[0] + PAGE - 1)).invoke(lines -> position[0] += PAGE))
                .until(List::isEmpty)
                .onItem().transformToIterable(lines -> lines);
    }

    private Uni<List<ExportLine>> page(Caller caller, long from, long to) {
        return chain.seals(from, to).chain(seals -> chain.events(seals.stream().map(s -> s.eventId).toList())
                .map(events -> lines(caller, seals, events)));
    }

    private static List<ExportLine> lines(Caller caller, List<AuditSeal> seals, List<AuditEvent> events) {
        Map<UUID, AuditEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.id, e));
        List<ExportLine> lines = new ArrayList<>(seals.size());
        for (AuditSeal seal : seals) {
            AuditEvent event = byId.get(seal.eventId);
            if (event == null) {
                continue;
            }
            // events of no agency (refusals of callers without a valid token) are every auditor's to see
            boolean visible = caller.agency().equals(event.agency) || caller.agency().equals(event.resourceAgency)
                    || (event.agency == null && event.resourceAgency == null);
            lines.add(visible ? ExportLine.of(seal.position, seal.hash, event) : ExportLine.withheld(seal.position, seal.hash, event));
        }
        return lines;
    }
}
