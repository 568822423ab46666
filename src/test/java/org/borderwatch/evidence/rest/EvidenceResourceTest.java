package org.borderwatch.evidence.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The evidence suite against the default store: pieces in PostgreSQL. */
@QuarkusTest
class EvidenceResourceTest extends EvidenceSuite {
}
