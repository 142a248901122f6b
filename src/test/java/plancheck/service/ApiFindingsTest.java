package plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import plancheck.app.Checked;
import plancheck.app.Workspace;
import plancheck.model.Finding;

/**
 * The findings the service returns after a filing (the JSON of {@code POST /api/filings}): each with its
 * evidence as file and pointer, the same as in report.json — through the service's own JSON mapper, which
 * writes an object it cannot see into as {} instead of failing.
 */
class ApiFindingsTest {

    @Test
    void everyFindingsEvidenceIsWrittenAsFileAndPointer() throws Exception {
        Workspace ws = Workspace.open(Path.of("rules"), null);
        Checked c = ws.check(List.of(Path.of("facts/2026/example-environment-bureau.json")));
        List<Finding> fs = c.report().findings();
        JsonNode json = Server.JSON.readTree(Server.JSON.writeValueAsBytes(Api.findings(c, fs)));
        assertEquals(fs.size(), json.size());
        int entries = 0;
        for (int i = 0; i < fs.size(); i++) {
            JsonNode ev = json.get(i).get("evidence");
            assertEquals(fs.get(i).evidence().size(), ev.size(), fs.get(i).rule());
            for (int k = 0; k < ev.size(); k++) {
                assertEquals(Map.of("input", fs.get(i).evidence().get(k).input(), "pointer", fs.get(i).evidence().get(k).pointer()),
                        Server.JSON.convertValue(ev.get(k), Map.class));
                entries++;
            }
        }
        assertTrue(entries > 10, "the environment bureau's findings rest on its records: " + entries);
        assertFalse(Server.JSON.writeValueAsString(Api.findings(c, fs)).contains("{}"), "no object written empty");
    }
}
