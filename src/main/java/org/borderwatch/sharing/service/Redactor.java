package org.borderwatch.sharing.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderwatch.report.Grading;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportContent;
import org.borderwatch.report.service.ReportCodec;
import org.borderwatch.sharing.NarrativeRelease;
import org.borderwatch.sharing.Redaction;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.SharedCase;
import org.borderwatch.vetting.CaseFile;

/**
 * Makes the content a partner receives. Works from an allow-list: only the fields named here leave the agency,
 * so a field added to reports later stays home until someone decides to release it. Reporter and device never go.
 */
@ApplicationScoped
public class Redactor {

    static final String MASK = "[redacted]";
    /** Rounding to 0.01 degree leaves a position within about 1.1 km. */
    private static final double GRID = 100.0;
    private static final double ROUNDED_ACCURACY_METERS = 1000.0;
    private final ReportCodec codec;

    public Redactor(ReportCodec codec) {
        this.codec = codec;
    }

    public SharedCase release(Share share, Redaction profile, CaseFile caseFile, List<Report> reports, Set<String> categories,
                              List<SharedCase.Evidence> evidence, int version, Instant publishedAt) {
        List<SharedCase.Report> released = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            released.add(report("R" + (i + 1), reports.get(i), profile));
        }
        boolean identifiers = profile.personIdentifiers();
        boolean places = profile.exactLocation();
        return new SharedCase(share.id, version, share.fromAgency, share.toAgency, share.handlingCode, share.conditions, share.purpose,
                publishedAt, text(caseFile.title, identifiers, places), text(caseFile.summary, identifiers, places), caseFile.impact, categories,
                released, evidence);
    }

    private SharedCase.Report report(String reference, Report report, Redaction profile) {
        ReportContent content = codec.fromJson(report.content);
        boolean identifiers = profile.personIdentifiers();
        ReportContent.Narrative narrative = narrative(content.narrative(), profile.narrativeRelease(), profile.exactLocation());
        List<ReportContent.Vehicle> vehicles = content.vehicles() == null ? null : content.vehicles().stream()
                .map(v -> new ReportContent.Vehicle(identifiers || v.plate() == null ? v.plate() : MASK, v.kind())).toList();
        return new SharedCase.Report(reference, content.category(), content.occurredAt().withOffsetSameInstant(ZoneOffset.UTC),
                // a border marker's number pins the place to within a few hundred metres: it leaves only with the exact location
                location(content.location(), profile.exactLocation()), profile.exactLocation(), content.borderGate(),
                profile.exactLocation() ? content.borderMarker() : null,
                narrative, content.people(), vehicles, content.goods(), report.impact,
                profile.sources() ? Grading.of(report.gradingSource, report.gradingInformation) : null);
    }

    static ReportContent.Location location(ReportContent.Location exact, boolean releaseExact) {
        if (releaseExact) {
            return exact;
        }
        double accuracy = Math.max(ROUNDED_ACCURACY_METERS, exact.accuracyMeters() == null ? 0 : exact.accuracyMeters());
        return new ReportContent.Location(Math.round(exact.lat() * GRID) / GRID, Math.round(exact.lon() * GRID) / GRID, accuracy);
    }

    /** The narrative as the profile releases it: not at all, with identifying numbers masked, or as written. */
    static ReportContent.Narrative narrative(ReportContent.Narrative narrative, NarrativeRelease release, boolean releasePlaces) {
        if (narrative == null || release == NarrativeRelease.WITHHELD) {
            return null;
        }
        return release == NarrativeRelease.FULL ? narrative
                : new ReportContent.Narrative(text(narrative.text(), false, releasePlaces), narrative.lang());
    }

    /** Free text with identifying numbers masked unless released, and places (markers, coordinates) unless the exact location is. */
    static String text(String text, boolean releaseIdentifiers, boolean releasePlaces) {
        if (text == null || releaseIdentifiers && releasePlaces) {
            return text;
        }
        return releaseIdentifiers ? Identifiers.places(text, MASK) : Identifiers.mask(text, MASK, releasePlaces);
    }
}
