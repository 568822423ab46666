package org.borderwatch.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Uploads.b64;
import static org.borderwatch.support.Uploads.create;
import static org.borderwatch.support.Uploads.created;
import static org.borderwatch.support.Uploads.metadata;
import static org.borderwatch.support.Uploads.patch;
import static org.borderwatch.support.Uploads.tus;
import static org.borderwatch.support.Uploads.uploaded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Files;
import org.borderwatch.support.Photos;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Evidence uploads and downloads; run once per store (PostgreSQL, S3) by the subclasses. */
abstract class EvidenceSuite {

    static final String OFFICER = Tokens.officer("evidence.officer", "VN-QN");
    static final String SUPERVISOR = Tokens.token("evidence.supervisor", "supervisor", "VN-QN");
    static final String OTHER_OFFICER = Tokens.officer("evidence.officer.ls", "VN-LS");
    static final String PURPOSE = "Court file 2026/118 for the prosecutor";

    @Test
    void anInterruptedUploadIsResumedByARealTusClientAndArrivesBitExact() throws Exception {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 3 * 1024 * 1024 + 12_345);
        TusUpload upload = new TusUpload();
        upload.setSize(file.length);
        upload.setFingerprint("photo-" + report);
        upload.setMetadata(Map.of("filename", "IMG_0412.jpg", "contentType", "image/jpeg", "sha256", Files.sha256(file)));
        TusURLMemoryStore urls = new TusURLMemoryStore();

        upload.setInputStream(new ByteArrayInputStream(file));
        TusUploader first = client(report, urls).resumeOrCreateUpload(upload);
        first.setChunkSize(256 * 1024);
        first.setRequestPayloadSize(1024 * 1024);
        for (int chunks = 0; chunks < 6; chunks++) {
            first.uploadChunk();
        }
        first.finish(false);
        long stored = Long.parseLong(tus(OFFICER).when().head(first.getUploadURL().getPath()).then().statusCode(200)
                .header("Upload-Length", String.valueOf(file.length)).extract().header("Upload-Offset"));
        assertTrue(stored > 0 && stored < file.length, "the first session stored " + stored);

        upload.setInputStream(new ByteArrayInputStream(file));
        TusUploader resumed = client(report, urls).resumeOrCreateUpload(upload);
        assertEquals(stored, resumed.getOffset());
        resumed.setChunkSize(256 * 1024);
        while (resumed.uploadChunk() > -1) {
            // the rest of the file
        }
        resumed.finish();
        String id = resumed.getUploadURL().getPath().substring(resumed.getUploadURL().getPath().lastIndexOf('/') + 1);

        Reports.get(OFFICER, report).statusCode(200).body("evidence", hasSize(1)).body("evidence[0].id", equalTo(id))
                .body("evidence[0].size", equalTo(file.length)).body("evidence[0].sha256", equalTo(Files.sha256(file)))
                .body("evidence[0].contentType", equalTo("image/jpeg"));
        byte[] downloaded = given().auth().oauth2(OFFICER).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id)
                .then().statusCode(200).header("ETag", "\"" + Files.sha256(file) + "\"").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(file, downloaded);
    }

    TusClient client(UUID report, TusURLMemoryStore urls) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL("http://localhost:" + RestAssured.port + "/api/v1/reports/" + report + "/evidence"));
        client.setHeaders(Map.of("Authorization", "Bearer " + OFFICER));
        client.enableResuming(urls);
        return client;
    }

    @Test
    void aFileWhoseHashIsNotTheDeclaredOneNeverBecomesEvidence() {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 200_000);
        String location = create(OFFICER, report, file.length, metadata("a.jpg", "image/jpeg", Files.sha256("other".getBytes())))
                .statusCode(201).extract().header("Location");
        patch(OFFICER, location, 0, file).statusCode(460).contentType("application/problem+json").body("detail", containsString("SHA-256"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(0, Db.count("select count(*) from evidence where id = ?::uuid", id));
        assertEquals("FAILED", Db.text("select status from evidence_upload where id = ?::uuid", id));
        assertEquals(0, Db.count("select count(*) from evidence_piece where upload_id = ?::uuid", id));
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'EVIDENCE_UPLOAD' and outcome = 'FAILED'", id));
        tus(OFFICER).when().head(location).then().statusCode(410);
    }

    @Test
    void aPatchAtTheWrongOffsetIs409AndAChunkWithAWrongChecksumIsDiscarded() {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 100_000);
        String location = created(OFFICER, report, file, "image/jpeg");
        patch(OFFICER, location, 0, Arrays.copyOf(file, 40_000)).statusCode(204).header("Upload-Offset", "40000");
        patch(OFFICER, location, 0, Arrays.copyOfRange(file, 0, 10)).statusCode(409);
        patch(OFFICER, location, 50_000, Arrays.copyOfRange(file, 50_000, 60_000)).statusCode(409);
        tus(OFFICER).header("Upload-Offset", "40000").header("Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(new byte[32]))
                .contentType("application/offset+octet-stream").body(Arrays.copyOfRange(file, 40_000, 50_000)).when().patch(location)
                .then().statusCode(460);
        tus(OFFICER).when().head(location).then().statusCode(200).header("Upload-Offset", "40000");
        tus(OFFICER).header("Upload-Offset", "40000").header("Upload-Checksum", "md5 AAAA").contentType("application/offset+octet-stream")
                .body(new byte[10]).when().patch(location).then().statusCode(400).body("errors.field", hasItem("Upload-Checksum"));
        patch(OFFICER, location, 40_000, Arrays.copyOfRange(file, 40_000, file.length + 0)).statusCode(204);
        Reports.get(OFFICER, report).statusCode(200).body("evidence[0].sha256", equalTo(Files.sha256(file)));
    }

    @Test
    void anExpiredUploadIsGoneAndItsBytesAreReclaimed() throws Exception {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 50_000);
        String location = created(OFFICER, report, file, "image/jpeg");
        patch(OFFICER, location, 0, Arrays.copyOf(file, 20_000)).statusCode(204);
        String id = location.substring(location.lastIndexOf('/') + 1);
        Db.update("update evidence_upload set expires_at = now() - interval '1 minute' where id = ?::uuid", id);
        patch(OFFICER, location, 20_000, Arrays.copyOfRange(file, 20_000, 30_000)).statusCode(410);
        long deadline = System.currentTimeMillis() + 15_000;
        while (!"EXPIRED".equals(Db.text("select status from evidence_upload where id = ?::uuid", id)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("EXPIRED", Db.text("select status from evidence_upload where id = ?::uuid", id));
        assertEquals(0, Db.count("select count(*) from evidence_piece where upload_id = ?::uuid", id));
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'EVIDENCE_UPLOAD_EXPIRE'", id));
    }

    @Test
    void anExecutableRenamedJpgIsRefusedWith415() {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] exe = Files.executable(80_000);
        String location = create(OFFICER, report, exe.length, metadata("holiday.jpg", "image/jpeg", Files.sha256(exe)))
                .statusCode(201).extract().header("Location");
        patch(OFFICER, location, 0, exe).statusCode(415).body("detail", containsString("declared image/jpeg"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(0, Db.count("select count(*) from evidence where id = ?::uuid", id));
        assertEquals(0, Db.count("select count(*) from evidence_piece where upload_id = ?::uuid", id));
        create(OFFICER, report, 1000, metadata("page.html", "text/html", Files.sha256(exe))).statusCode(415);
    }

    @Test
    void filesOverTheLimitsAre413BeforeAnyByteIsStored() {
        UUID report = Reports.filed(OFFICER, FULL);
        String sha = Files.sha256(new byte[1]);
        create(OFFICER, report, 50L * 1024 * 1024 + 1, metadata("big.jpg", "image/jpeg", sha)).statusCode(413);
        create(OFFICER, report, 500L * 1024 * 1024 + 1, metadata("big.mp4", "video/mp4", sha)).statusCode(413);
        create(OFFICER, report, 400L * 1024 * 1024, metadata("patrol.mp4", "video/mp4", sha)).statusCode(201);
        assertEquals(1, Db.count("select count(*) from evidence_upload where report_id = ?", report));
        for (int i = 0; i < 4; i++) {
            create(OFFICER, report, 400L * 1024 * 1024, metadata("patrol" + i + ".mp4", "video/mp4", sha)).statusCode(201);
        }
        create(OFFICER, report, 100L * 1024 * 1024, metadata("one-more.mp4", "video/mp4", sha)).statusCode(413)
                .body("detail", containsString("bytes of evidence"));
        UUID busy = Reports.filed(OFFICER, FULL);
        for (int i = 0; i < 50; i++) {
            create(OFFICER, busy, 10, metadata("p" + i + ".jpg", "image/jpeg", sha)).statusCode(201);
        }
        create(OFFICER, busy, 10, metadata("p51.jpg", "image/jpeg", sha)).statusCode(413).body("detail", containsString("at most 50"));
    }

    @Test
    void badUploadRequestsAre4xxNamingTheHeader() {
        UUID report = Reports.filed(OFFICER, FULL);
        String sha = Files.sha256(new byte[1]);
        tus(OFFICER).header("Upload-Metadata", metadata("a.jpg", "image/jpeg", sha)).when().post("/api/v1/reports/" + report + "/evidence")
                .then().statusCode(400).body("errors.field", hasItem("Upload-Length"));
        create(OFFICER, report, 10, metadata("a.jpg", "image/jpeg", "nothex")).statusCode(400).body("errors.field", hasItem("Upload-Metadata.sha256"));
        create(OFFICER, report, 10, "filename " + b64("a.jpg")).statusCode(400).body("errors.field", hasItem("Upload-Metadata.contentType"));
        create(OFFICER, report, 10, "filename !!!").statusCode(400).body("errors.field", hasItem("Upload-Metadata.filename"));
        create(OFFICER, report, -5, metadata("a.jpg", "image/jpeg", sha)).statusCode(400).body("errors.field", hasItem("Upload-Length"));
        given().auth().oauth2(OFFICER).header("Upload-Length", "10").header("Upload-Metadata", metadata("a.jpg", "image/jpeg", sha))
                .when().post("/api/v1/reports/" + report + "/evidence").then().statusCode(412).header("Tus-Version", "1.0.0");
        create(OFFICER, UUID.randomUUID(), 10, metadata("a.jpg", "image/jpeg", sha)).statusCode(404);
        tus(OFFICER).header("Upload-Length", "10").when().post("/api/v1/reports/not-a-uuid/evidence").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        String location = created(OFFICER, report, new byte[100], "image/jpeg");
        tus(OFFICER).header("Upload-Offset", "0").contentType("application/json").body("{}").when().patch(location).then().statusCode(415);
        tus(OFFICER).contentType("application/offset+octet-stream").body(new byte[4]).when().patch(location).then().statusCode(400)
                .body("errors.field", hasItem("Upload-Offset"));
        patch(OFFICER, location, 0, new byte[101]).statusCode(413);
        tus(OFFICER).when().head("/api/v1/uploads/not-a-uuid").then().statusCode(400);
    }

    @Test
    void anotherAgencysOfficerCannotAddReadOrContinueAndTheAttemptsAreRecorded() {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 30_000);
        create(OTHER_OFFICER, report, file.length, metadata("a.jpg", "image/jpeg", Files.sha256(file))).statusCode(404);
        String location = created(OFFICER, report, file, "image/jpeg");
        patch(OTHER_OFFICER, location, 0, file).statusCode(404);
        tus(OTHER_OFFICER).when().head(location).then().statusCode(404);
        tus(Tokens.officer("evidence.officer2", "VN-QN")).when().delete(location).then().statusCode(404);
        patch(OFFICER, location, 0, file).statusCode(204);
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(OTHER_OFFICER).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id).then().statusCode(404);
        given().auth().oauth2(OTHER_OFFICER).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(404);
        given().auth().oauth2(Tokens.token("evidence.auditor", "auditor", "VN-QN")).header("X-Access-Purpose", PURPOSE)
                .when().get("/api/v1/evidence/" + id).then().statusCode(403);
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and outcome = 'DENIED' and action = 'EVIDENCE_UPLOAD_START'",
                report.toString()));
        assertEquals(5, Db.count("select count(*) from audit_event where resource_id = ? and outcome = 'DENIED'", id));
        assertEquals(0, Db.count("select count(*) from evidence_upload where report_id = ? and uploaded_by = ?", report, Tokens.subject("evidence.officer.ls")));
    }

    @Test
    void downloadsServeRangesNeedAPurposeAndAreInTheChainOfCustody() {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 70_000);
        String id = uploaded(OFFICER, report, file);
        String path = "/api/v1/evidence/" + id;
        given().auth().oauth2(SUPERVISOR).when().get(path).then().statusCode(428).body("detail", containsString("X-Access-Purpose"));
        byte[] head = given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", PURPOSE).header("Range", "bytes=0-99").when().get(path)
                .then().statusCode(206).header("Content-Range", "bytes 0-99/" + file.length).extract().asByteArray();
        assertArrayEquals(Arrays.copyOf(file, 100), head);
        byte[] tail = given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", PURPOSE).header("Range", "bytes=-10").when().get(path)
                .then().statusCode(206).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(file, file.length - 10, file.length), tail);
        byte[] middle = given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", PURPOSE).header("Range", "bytes=65000-").when().get(path)
                .then().statusCode(206).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(file, 65_000, file.length), middle);
        given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", PURPOSE).header("Range", "bytes=90000-").when().get(path).then().statusCode(416);
        given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", PURPOSE).when().get(path).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment; filename=\"IMG_0412.jpg\""));
        given().auth().oauth2(SUPERVISOR).when().get(path + "/metadata").then().statusCode(200)
                .body("camera", equalTo("Samsung SM-A546E")).body("gpsLat", equalTo(21.5283f)).body("locationFlag", nullValue());
        List<String> actions = given().auth().oauth2(SUPERVISOR).when().get(path + "/custody").then().statusCode(200).extract().path("items.action");
        assertEquals(List.of("EVIDENCE_UPLOAD_START", "EVIDENCE_UPLOAD", "EVIDENCE_DOWNLOAD", "EVIDENCE_DOWNLOAD", "EVIDENCE_DOWNLOAD",
                "EVIDENCE_DOWNLOAD", "EVIDENCE_METADATA_READ", "EVIDENCE_CUSTODY_READ"), actions);
        given().auth().oauth2(SUPERVISOR).when().get(path + "/custody").then().body("items[2].purpose", equalTo(PURPOSE));
        given().auth().oauth2(Tokens.token("evidence.auditor", "auditor", "VN-QN")).when().get(path + "/custody").then().statusCode(200);
        given().auth().oauth2(OFFICER).when().get(path + "/custody").then().statusCode(403);
        given().auth().oauth2(Tokens.token("evidence.supervisor.ls", "supervisor", "VN-LS")).when().get(path + "/custody").then().statusCode(404);
    }

    @Test
    void aPhotoTakenFarFromTheReportIsFlaggedForTheSupervisor() {
        UUID report = Reports.filed(OFFICER, FULL);
        String id = uploaded(OFFICER, report, Files.jpeg(21.5700, 107.965, 20_000));
        given().auth().oauth2(SUPERVISOR).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(200)
                .body("locationFlag", containsString("from the report's location"));
    }

    @Test
    void anUnfinishedUploadCanBeAbandonedButEvidenceCannotBeDeleted() {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 20_000);
        String open = created(OFFICER, report, file, "image/jpeg");
        tus(OFFICER).when().delete(open).then().statusCode(204).header("Tus-Resumable", "1.0.0");
        tus(OFFICER).when().head(open).then().statusCode(410);
        String done = "/api/v1/uploads/" + uploaded(OFFICER, report, file);
        tus(SUPERVISOR).when().delete(done).then().statusCode(409);
        given().when().options("/api/v1/uploads").then().statusCode(204).header("Tus-Version", "1.0.0")
                .header("Tus-Extension", "creation,checksum,termination,expiration").header("Tus-Checksum-Algorithm", "sha256");
    }

    @Test
    void evidenceNamedInAShareIsDownloadableByThePartnerUntilRevoked() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID report = UUID.fromString(Db.text("select id::text from report where case_id = ?", caseId));
        String named = uploaded(p.officer(), report, Files.jpeg(21.5283, 107.965, 10_000));
        String kept = uploaded(p.officer(), report, Files.jpeg(21.5283, 107.965, 11_000));
        String shareId = Sharing.release(p.supervisor(), caseId, Sharing.shareBody(p.partner(), "H0",
                "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\"" + named + "\"]}")).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("snapshots[0].content.evidence.id", equalTo(List.of(named))).extract().path("id");
        // evidence leaves the agency only with a second supervisor's approval
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + named).then().statusCode(404);
        given().auth().oauth2(p.secondSupervisor()).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve").then().statusCode(200);
        Sharing.release(p.supervisor(), caseId, Sharing.shareBody(p.partner(), "H0",
                "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\"" + UUID.randomUUID() + "\"]}")).statusCode(400)
                .body("errors.field", hasItem("redaction.evidence[0]"));
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + named).then().statusCode(200);
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + kept).then().statusCode(404);
        given().auth().oauth2(p.thirdLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + named).then().statusCode(404);
        given().auth().oauth2(p.supervisor()).when().delete("/api/v1/cases/" + caseId + "/shares/" + shareId + "?reason=Closed").then().statusCode(200);
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + named).then().statusCode(404);
    }

    @Test
    void aPartnerGetsAPhotoWithoutItsMetadataWhoseHashTheSignedSnapshotStates() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID report = UUID.fromString(Db.text("select id::text from report where case_id = ?", caseId));
        byte[] photo = Photos.jpeg(21.5283, 107.965);
        String id = uploaded(p.officer(), report, photo);
        var released = Sharing.release(p.supervisor(), caseId, Sharing.shareBody(p.partner(), "H0",
                "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\"" + id + "\"]}")).statusCode(201)
                .body("snapshots[0].content.evidence[0].id", equalTo(id)).body("snapshots[0].content.evidence[0].contentType", equalTo("image/jpeg"))
                .extract();
        String stated = released.path("snapshots[0].content.evidence[0].sha256");
        approve(p, caseId, released.path("id"));

        var partner = given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id)
                .then().statusCode(200).header("ETag", "\"" + stated + "\"").header("Content-Disposition", not(containsString("IMG_0412")))
                .extract();
        byte[] received = partner.asByteArray();
        assertEquals(stated, Files.sha256(received));
        assertNotEquals(Files.sha256(photo), stated);
        String text = new String(received, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : List.of(Photos.ARTIST, Photos.SERIAL, Photos.TRAILER, "samsung", "SM-A546E")) {
            assertFalse(text.contains(secret), secret);
        }
        com.drew.metadata.Metadata left = com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(received));
        for (Class<? extends com.drew.metadata.Directory> kind : List.of(com.drew.metadata.exif.ExifIFD0Directory.class,
                com.drew.metadata.exif.ExifSubIFDDirectory.class, com.drew.metadata.exif.GpsDirectory.class, com.drew.metadata.xmp.XmpDirectory.class,
                com.drew.metadata.iptc.IptcDirectory.class, com.drew.metadata.jpeg.JpegCommentDirectory.class, com.drew.metadata.icc.IccDirectory.class)) {
            assertNull(left.getFirstDirectoryOfType(kind), kind.getSimpleName());
        }
        assertNotNull(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(received)), "the partner copy is still a picture");

        Map<String, Object> view = given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(Set.of("id", "contentType", "size", "sha256", "capturedAt"), view.keySet());
        assertEquals(stated, view.get("sha256"));
        assertEquals(received.length, view.get("size"));

        byte[] original = given().auth().oauth2(p.officer()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id)
                .then().statusCode(200).header("ETag", "\"" + Files.sha256(photo) + "\"").extract().asByteArray();
        assertArrayEquals(photo, original);
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(200)
                .body("filename", equalTo("IMG_0412.jpg")).body("camera", equalTo("samsung SM-A546E")).body("gpsLat", notNullValue());
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/evidence/" + id + "/custody").then().statusCode(200)
                .body("partnerCopy.sha256", equalTo(stated)).body("partnerCopy.size", equalTo(received.length));
    }

    @Test
    void theExactPositionReachesAPartnerOnlyWhenTheApprovedReleaseGivesIt() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID report = UUID.fromString(Db.text("select id::text from report where case_id = ?", caseId));
        String id = uploaded(p.officer(), report, Photos.jpeg(21.5283, 107.965));
        String shareId = Sharing.release(p.supervisor(), caseId, Sharing.shareBody(p.partner(), "H0",
                "{\"exactLocation\":true,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\"" + id + "\"]}")).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(404);
        given().auth().oauth2(p.secondSupervisor()).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve").then().statusCode(200);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(200)
                .body("gpsLat", notNullValue()).body("gpsLon", notNullValue()).body("uploadedBy", nullValue()).body("camera", nullValue());
    }

    @Test
    void videoAndDocumentsAreNotReleasedToPartners() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID report = UUID.fromString(Db.text("select id::text from report where case_id = ?", caseId));
        byte[] video = new byte[4096];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, video, 0, 12);
        String location = created(p.officer(), report, video, "video/mp4");
        patch(p.officer(), location, 0, video).statusCode(204);
        String videoId = location.substring(location.lastIndexOf('/') + 1);
        String photo = uploaded(p.officer(), report, Photos.jpeg(21.5283, 107.965));
        Sharing.release(p.supervisor(), caseId, Sharing.shareBody(p.partner(), "H0",
                "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\"" + photo + "\",\"" + videoId + "\"]}")).statusCode(400)
                .body("errors.field", hasItem("redaction.evidence[1]")).body("errors.message", hasItem(containsString("video/mp4")));
    }

    @Test
    void aPartnerLosesEvidenceWhenItsReportLeavesTheCase() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL, FULL);
        UUID report = UUID.fromString(Db.text("select id::text from report where case_id = ? order by id limit 1", caseId));
        String id = uploaded(p.officer(), report, Photos.jpeg(21.5283, 107.965));
        String shareId = Sharing.release(p.supervisor(), caseId, Sharing.shareBody(p.partner(), "H0",
                "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\"" + id + "\"]}")).statusCode(201)
                .extract().path("id");
        approve(p, caseId, shareId);
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id).then().statusCode(200);
        String etag = given().auth().oauth2(p.supervisor()).when().get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(p.supervisor()).header("If-Match", etag).when().delete("/api/v1/cases/{id}/reports/{r}", caseId, report)
                .then().statusCode(200);
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id).then().statusCode(404);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/evidence/" + id + "/metadata").then().statusCode(404);
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'EVIDENCE_DOWNLOAD' and outcome = 'DENIED' "
                + "and agency = ?", id, p.partner()));
    }

    @jakarta.inject.Inject
    org.borderwatch.evidence.service.UploadReclaimer reclaimer;

    @Test
    void theReclaimerNeverTakesTheBytesOfAnUploadThatCompletedSinceItWasListed() throws Exception {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 2 * 1024 * 1024 + 10);
        String id = uploaded(OFFICER, report, file);
        Db.update("update evidence_upload set expires_at = now() - interval '1 minute' where id = ?::uuid", id);
        assertFalse(reclaimer.reclaim(UUID.fromString(id)), "a completed upload is not reclaimed");
        byte[] downloaded = given().auth().oauth2(OFFICER).header("X-Access-Purpose", PURPOSE).when().get("/api/v1/evidence/" + id)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(file, downloaded);
        assertEquals("COMPLETE", Db.text("select status from evidence_upload where id = ?::uuid", id));
    }

    @Test
    void theLastBytesOfAnUploadTheReclaimerTookAreRefusedNotStored() throws Exception {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 20_000);
        String location = created(OFFICER, report, file, "image/jpeg");
        patch(OFFICER, location, 0, Arrays.copyOf(file, 10_000)).statusCode(204);
        String id = location.substring(location.lastIndexOf('/') + 1);
        Db.update("update evidence_upload set expires_at = now() - interval '1 minute' where id = ?::uuid", id);
        assertTrue(reclaimer.reclaim(UUID.fromString(id)));
        assertFalse(reclaimer.reclaim(UUID.fromString(id)), "reclaimed once");
        patch(OFFICER, location, 10_000, Arrays.copyOfRange(file, 10_000, file.length)).statusCode(410);
        assertEquals(0, Db.count("select count(*) from evidence where id = ?::uuid", id));
        assertEquals(0, Db.count("select count(*) from evidence_piece where upload_id = ?::uuid", id));
    }

    @Test
    void aZeroBytePatchRacingTheLastPatchIsARetryOrAConflictNeverA500() throws Exception {
        UUID report = Reports.filed(OFFICER, FULL);
        byte[] file = Files.jpeg(21.5283, 107.965, 3 * 1024 * 1024);
        String location = created(OFFICER, report, file, "image/jpeg");
        int last = file.length - 1024 * 1024;
        patch(OFFICER, location, 0, Arrays.copyOf(file, last)).statusCode(204);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.Future<Integer> finishing = pool.submit(() ->
                    patch(OFFICER, location, last, Arrays.copyOfRange(file, last, file.length)).extract().statusCode());
            List<java.util.concurrent.Future<List<Integer>>> racers = new java.util.ArrayList<>();
            for (int r = 0; r < 2; r++) {
                racers.add(pool.submit(() -> {
                    List<Integer> statuses = new java.util.ArrayList<>();
                    long until = System.currentTimeMillis() + 3000;
                    while (!finishing.isDone() && System.currentTimeMillis() < until) {
                        statuses.add(patch(OFFICER, location, file.length, new byte[0]).extract().statusCode());
                    }
                    return statuses;
                }));
            }
            assertEquals(204, finishing.get());
            for (var racer : racers) {
                for (int status : racer.get()) {
                    assertTrue(status == 204 || status == 409, "a zero-byte PATCH answered " + status);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        patch(OFFICER, location, file.length, new byte[0]).statusCode(409);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(1, Db.count("select count(*) from evidence where id = ?::uuid", id));
        assertEquals(1, Db.count("select count(*) from evidence_partner_copy where evidence_id = ?::uuid", id));
        assertEquals(0, Db.count("select count(*) from evidence_upload where report_id = ? and status = 'UPLOADING'", report),
                "a copy made by the losing request is given up for the reclaimer");
    }

    static void approve(Sharing.Parties p, UUID caseId, String shareId) {
        given().auth().oauth2(p.secondSupervisor()).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve").then()
                .statusCode(200);
    }
}
