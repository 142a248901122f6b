package plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Workspace;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.report.JsonReport;

/**
 * Compiled rules are reused: read from the disk cache they give byte for byte the report that compiling
 * gives; a damaged or truncated cache file is ignored; a changed rule is compiled again.
 */
class CompiledRulesTest {

    @TempDir
    Path tmp;

    private static byte[] report(RuleEngine e) throws Exception {
        return JsonReport.render(Workspace.of(e).check(List.of(Path.of("facts"))).report());
    }

    private static Path cacheFile(CompiledRules cache) throws Exception {
        try (var s = Files.list(cache.dir())) {
            return s.filter(p -> p.toString().endsWith(".kbase")).findFirst().orElseThrow();
        }
    }

    @Test
    void rulesReadFromTheCacheGiveTheSameReportAsCompiledRules() throws Exception {
        RuleSet rs = RulesLoader.load(Path.of("rules"));
        CompiledRules cache = new CompiledRules(tmp.resolve("cache"));
        RuleEngine compiled = RuleEngine.compileWithoutCache(rs);
        assertTrue(cache.write(CompiledRules.key(rs.drlSha256()), compiled.kieBase()));
        CompiledRules.forgetAll();
        RuleEngine fromDisk = RuleEngine.compile(rs, cache);
        assertEquals(CompiledRules.Source.DISK, fromDisk.build().source());
        assertEquals(compiled.ruleMetadata(), fromDisk.ruleMetadata(), "the same rules with the same metadata");
        assertArrayEquals(report(compiled), report(fromDisk), "the same report, byte for byte");
        assertEquals(CompiledRules.Source.MEMORY, RuleEngine.compile(rs, cache).build().source(),
                "then kept in memory for the life of the process");
    }

    @Test
    void aDamagedOrTruncatedCacheFileIsIgnored() throws Exception {
        RuleSet rs = RulesLoader.load(Path.of("rules"));
        String key = CompiledRules.key(rs.drlSha256());
        CompiledRules cache = new CompiledRules(tmp.resolve("cache"));
        assertTrue(cache.write(key, RuleEngine.compileWithoutCache(rs).kieBase()));
        Path f = cacheFile(cache);
        assertNotNull(cache.read(key), "an intact file is read");
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x5A; // one flipped byte in the middle
        Files.write(f, b);
        assertNull(cache.read(key), "a damaged file is not used");
        Files.write(f, java.util.Arrays.copyOf(b, 100));
        assertNull(cache.read(key), "a truncated file is not used");
        assertNull(cache.read(CompiledRules.key("another")), "another key's file is not used");
        CompiledRules.forgetAll();
        RuleEngine e = RuleEngine.compile(rs, cache);
        assertEquals(CompiledRules.Source.COMPILED, e.build().source(), "compiled as without a cache");
        assertNotNull(cache.read(key), "and the file replaced by a good one");
    }

    @Test
    void aChangedRuleIsCompiledAgain() throws Exception {
        Path rules = tmp.resolve("rules");
        TestSupport.copyRulesAndPlan(rules);
        RuleSet before = RulesLoader.load(rules);
        TestSupport.write(rules.resolve("judging/zz-extra.drl"), """
                package plancheck.rules;
                import plancheck.model.*;
                rule "extra: never fires"
                    @kind("test") @source("test")
                when
                    PlanYear(year == 1900)
                then
                end
                """);
        RuleSet after = RulesLoader.load(rules);
        assertNotEquals(before.drlSha256(), after.drlSha256(), "the key changes with the DRL");
        CompiledRules cache = new CompiledRules(tmp.resolve("cache"));
        RuleEngine e = RuleEngine.compile(after, cache);
        assertEquals(CompiledRules.Source.COMPILED, e.build().source());
        assertNotNull(e.build().cached(), "written to the cache");
        assertTrue(e.ruleMetadata().containsKey("extra: never fires"));
    }

    @Test
    void rulesReadAheadWhileThePlansLoadAreTheOnesUsedAndTheSameAsCompiled() throws Exception {
        RuleSet rs = RulesLoader.load(Path.of("rules"));
        String key = CompiledRules.key(rs.drlSha256());
        assertEquals(key, CompiledRules.key(RuleSet.drlSha256(RulesLoader.drlSources(Path.of("rules")))),
                "the key read ahead from the DRL files alone is the key of the loaded rules");
        CompiledRules cache = new CompiledRules(tmp.resolve("cache"));
        RuleEngine compiled = RuleEngine.compileWithoutCache(rs);
        assertTrue(cache.write(key, compiled.kieBase()));
        CompiledRules.forgetAll();
        cache.prefetch(key);
        RuleEngine other = RuleEngine.compile(rs, new CompiledRules(tmp.resolve("empty")));
        assertEquals(CompiledRules.Source.COMPILED, other.build().source(),
                "what one cache folder read ahead is not taken by a cache of another folder (or none)");
        CompiledRules.forgetAll();
        RuleEngine ahead = RuleEngine.compile(rs, cache);
        assertEquals(CompiledRules.Source.DISK, ahead.build().source(), "read from its own folder, not compiled");
        assertArrayEquals(report(compiled), report(ahead), "the same report, byte for byte");
        assertNull(cache.awaitPrefetched(key), "taken once");
        CompiledRules.forgetAll();
        cache.prefetch(key);
        cache.dropPrefetched(key);
        assertNull(cache.awaitPrefetched(key), "dropped");
        CompiledRules.forgetAll();
        cache.prefetch(CompiledRules.key("rules nobody compiled"));
        assertNull(cache.awaitPrefetched(CompiledRules.key("rules nobody compiled")),
                "nothing is read ahead for a key the cache has no file of");
        CompiledRules.forgetAll();
        assertThrows(plancheck.load.InputException.class,
                () -> Workspace.open(Path.of("rules"), tmp.resolve("no plans here"), cache));
        assertNull(cache.awaitPrefetched(key), "plans that do not load: what was read ahead is not kept");
    }
}
