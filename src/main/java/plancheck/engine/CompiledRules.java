package plancheck.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import plancheck.load.Paths2;
import plancheck.load.Versions;

/**
 * Compiled rules kept for reuse, keyed by the SHA-256 of the DRL sources, this build of plancheck and
 * the Drools and Java versions: in memory for the life of the process (the service, the tests, a run
 * over many regions), and on disk between runs of the command line.
 *
 * <p>On disk a compiled rule base is its packages (the compiled rules, functions and consequences)
 * and the classes Drools generated for them, written with Drools' own serialisation
 * ({@link DroolsObjectOutputStream}); reading it rebuilds the rule network without compiling any DRL.
 * A file that is damaged, truncated, from another build or unreadable for any reason is ignored (and
 * replaced): the rules are then compiled as without a cache. Files are written to a temporary name and
 * renamed, so concurrent runs never read half a file. docs/decisions.md explains the choice.
 *
 * <p>The folder: {@code --cache DIR} or the environment variable {@code PLANCHECK_CACHE}, else
 * {@code $XDG_CACHE_HOME/plancheck}, else {@code ~/.cache/plancheck}; {@code PLANCHECK_CACHE=off}
 * turns the disk cache off.
 */
public final class CompiledRules {

    private static final byte[] MAGIC = "plancheck-compiled-rules/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MEMORY_ENTRIES = 4;
    private static final Map<String, KieBase> MEMORY = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    /**
     * Compiled rules being read from disk ahead of their use ({@link #prefetch}), by file: only a cache
     * of the same folder takes them.
     */
    private static final Map<Path, java.util.concurrent.CompletableFuture<KieBase>> PENDING =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path dir;

    /** @param dir the cache folder, or null for no disk cache (memory only) */
    public CompiledRules(Path dir) {
        this.dir = dir;
    }

    /** @return the cache of the environment (see the class comment); memory only when turned off. */
    public static CompiledRules fromEnvironment() {
        String env = System.getenv("PLANCHECK_CACHE");
        if (env == null || env.isBlank()) {
            env = System.getProperty("plancheck.cache");
        }
        if (env != null && !env.isBlank()) {
            return new CompiledRules(env.strip().equalsIgnoreCase("off") ? null : Path.of(env.strip()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home", "."), ".cache");
        return new CompiledRules(base.resolve("plancheck"));
    }

    /** @return the cache folder, or null when there is no disk cache */
    public Path dir() {
        return dir;
    }

    /** @return the key of compiled rules: the DRL's hash with this build's, Drools' and Java's versions */
    public static String key(String drlSha256) {
        String s = drlSha256 + "\n" + Versions.build() + "\n" + Versions.drools() + "\n"
                + System.getProperty("java.vm.version", "") + "\n";
        return Paths2.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Where compiled rules came from. */
    public enum Source { COMPILED, MEMORY, DISK }

    /** @return the rule base kept in memory under the key, or null */
    static KieBase fromMemory(String key) {
        synchronized (MEMORY) {
            return MEMORY.get(key);
        }
    }

    /**
     * Starts reading the compiled rules of a key from the disk cache on a thread of its own, so that a
     * run reads them while it loads its plans ({@link #awaitPrefetched} takes them). Nothing happens
     * without a disk cache, when they are in memory already or when the cache has no file for the key.
     *
     * @param key the key ({@link #key})
     */
    public void prefetch(String key) {
        if (dir == null || fromMemory(key) != null || !Files.isRegularFile(file(key))) {
            return;
        }
        PENDING.computeIfAbsent(file(key), f -> java.util.concurrent.CompletableFuture.supplyAsync(() -> read(key), r -> {
            Thread t = new Thread(r, "plancheck-rules-read");
            t.setDaemon(true);
            t.start();
        }));
    }

    /**
     * @param key the key
     * @return the rule base {@link #prefetch} of this cache folder read for the key, once it is read;
     *         null when none was started or the file could not be used
     */
    KieBase awaitPrefetched(String key) {
        java.util.concurrent.CompletableFuture<KieBase> f = dir == null ? null : PENDING.remove(file(key));
        if (f == null) {
            return null;
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof VirtualMachineError v) {
                throw v; // out of memory reading them: the same as reading them here
            }
            return null;
        }
    }

    /**
     * Drops what {@link #prefetch} read or is reading for a key, unless it was taken.
     *
     * @param key the key
     */
    public void dropPrefetched(String key) {
        if (dir != null) {
            PENDING.remove(file(key));
        }
    }

    /** Empties the memory (tests of the disk cache). */
    static void forgetAll() {
        synchronized (MEMORY) {
            MEMORY.clear();
        }
    }

    static void remember(String key, KieBase base) {
        synchronized (MEMORY) {
            MEMORY.put(key, base);
        }
    }

    /** @return the file of a key in the cache folder */
    Path file(String key) {
        return dir.resolve(key + ".kbase");
    }

    /**
     * Reads compiled rules from disk.
     *
     * @param key the key
     * @return the rule base, or null when there is none or it cannot be used
     */
    KieBase read(String key) {
        if (dir == null) {
            return null;
        }
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(f))) {
            byte[] magic = raw.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return null;
            }
            DataInputStream data = new DataInputStream(raw);
            String storedKey = data.readUTF();
            String sha = data.readUTF();
            byte[] payload = data.readAllBytes();
            if (!storedKey.equals(key) || !Paths2.sha256(payload).equals(sha)) {
                return null; // another key's file under this name, or damaged: compile again
            }
            ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(CompiledRules.class.getClassLoader());
            ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), loader);
            @SuppressWarnings("unchecked")
            Map<String, byte[]> classes = (Map<String, byte[]>) in.readObject();
            loader.storeClasses(classes);
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) in.readObject();
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                    org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
            base.addPackages((Collection) packages);
            return base;
        } catch (Exception | LinkageError e) {
            return null; // unusable: the rules are compiled as if there were no cache
        }
    }

    /**
     * Writes compiled rules to disk (best effort: a cache that cannot be written only costs time).
     *
     * @param key  the key
     * @param base the rule base compiled from the DRL
     * @return true when written
     */
    boolean write(String key, KieBase base) {
        if (dir == null) {
            return false;
        }
        Path tmp = null;
        try {
            Map<String, byte[]> classes = new HashMap<>();
            if (base instanceof InternalKnowledgeBase ikb && ikb.getRootClassLoader() instanceof ProjectClassLoader pcl
                    && pcl.getStore() != null) {
                classes.putAll(pcl.getStore());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(classes);
                out.writeObject(new ArrayList<>(base.getKiePackages()));
            }
            byte[] payload = bytes.toByteArray();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key, ".tmp");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp));
                 DataOutputStream data = new DataOutputStream(o)) {
                data.write(MAGIC);
                data.writeUTF(key);
                data.writeUTF(Paths2.sha256(payload));
                data.write(payload);
            }
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            return false;
        }
    }
}
