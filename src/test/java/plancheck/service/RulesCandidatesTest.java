package plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * An analyst's rules change goes live only when its lint and scenarios passed and an analyst activates
 * it; every filing and report records the rules version it used.
 */
class RulesCandidatesTest {

    @Test
    void aCandidateIsCheckedAtOnceAndGoesLiveOnlyWhenItPassedAndIsActivated() throws Exception {
        try (ServiceFixture svc = ServiceFixture.h2("rules")) {
            String analyst = svc.account("analyst1", "analyst", null);
            String auditor = svc.account("audit1", "auditor", null);
            String safety = svc.account("safety1", "bureau", "safety");
            assertEquals("v1", svc.get("/api/rules", analyst).json().get("active").asText());

            // a DRL file that does not compile: stored as a failed candidate, never activated
            ServiceFixture.Res bad = svc.send("POST", "/api/rules/candidates?path=rules/judging/broken.drl", analyst,
                    "package plancheck.rules\nrule \"broken\" when then this is not DRL end\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, bad.status(), bad.text());
            assertFalse(bad.json().get("passed").asBoolean());
            assertTrue(bad.json().get("results").asText().contains("broken.drl"), bad.text());
            long badId = bad.json().get("id").asLong();
            assertEquals(422, svc.send("POST", "/api/rules/versions/" + badId + "/activate", analyst, null).status());

            // a change that passes lint and every scenario
            Path params = Path.of("rules", "parameters.yaml");
            byte[] changed = (Files.readString(params) + "\n# reviewed by the analysts\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(403, svc.send("POST", "/api/rules/candidates?path=rules/parameters.yaml", safety, changed).status(),
                    "a bureau submits no rules");
            ServiceFixture.Res good = svc.send("POST", "/api/rules/candidates?path=rules/parameters.yaml", analyst, changed);
            assertEquals(201, good.status(), good.text());
            assertTrue(good.json().get("passed").asBoolean(), good.json().get("results").asText());
            long id = good.json().get("id").asLong();
            assertEquals("v1", svc.get("/api/rules", analyst).json().get("active").asText(), "not live before activation");
            assertEquals(403, svc.send("POST", "/api/rules/versions/" + id + "/activate", auditor, null).status());
            assertEquals(409, svc.send("POST", "/api/rules/versions/" + id + "/activate", analyst, null,
                    "If-Match", "\"v" + badId + "\"").status(), "activated on a stale view");
            ServiceFixture.Res act = svc.send("POST", "/api/rules/versions/" + id + "/activate", analyst, null,
                    "If-Match", "\"v1\"");
            assertEquals(200, act.status(), act.text());
            assertEquals("v" + id, svc.get("/api/rules", auditor).json().get("active").asText());

            ServiceFixture.Res f = svc.file(safety, "example-safety-bureau.json", ServiceFixture.example(2026, "safety-bureau"));
            assertEquals(201, f.status(), f.text());
            assertEquals("v" + id, f.json().get("revision").get("rulesVersion").asText());
            JsonNode rep = svc.get("/api/reports/2026/report.json", auditor).json();
            assertTrue(rep.get("rules").get("dir").asText().endsWith("/rules/v" + id + "/rules"), rep.get("rules").toString());
            boolean recorded = false;
            for (JsonNode file : rep.get("rules").get("files")) {
                recorded |= file.get("path").asText().endsWith("/v" + id + "/rules/parameters.yaml")
                        && file.get("sha256").asText().equals(plancheck.load.Paths2.sha256(changed));
            }
            assertTrue(recorded, "the report records the rules version it used");
            JsonNode audit = svc.get("/api/audit?limit=100", auditor).json().get("entries");
            assertTrue(audit.toString().contains("rules-activate") && audit.toString().contains("analyst1"));
        }
    }
}
