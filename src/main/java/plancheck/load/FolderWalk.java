package plancheck.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Text;

/**
 * Lists the files of a folder for the loaders, following symbolic links, and names everything it cannot
 * take instead of skipping it without a word: a sub-folder that cannot be read, a symbolic link whose
 * target does not exist, a loop of links, an entry that is neither file nor folder (a pipe would block a
 * read for ever), each as a note with its path. The caller decides what a note means: a problem (exit 2)
 * for what the user named explicitly, a note on stderr for what a folder holds.
 */
public final class FolderWalk {
    private FolderWalk() {}

    /**
     * What a walk found.
     *
     * @param files the files accepted, sorted
     * @param notes what could not be taken, each naming its path
     */
    public record Found(List<Path> files, List<InputProblem> notes) {}

    /**
     * @param dir          the folder
     * @param wanted       which files to take (by path)
     * @param hiddenFolders true to walk folders whose name starts with '.', false to leave them out
     * @return the files and the notes
     */
    public static Found walk(Path dir, Predicate<Path> wanted, boolean hiddenFolders) {
        TreeSet<Path> files = new TreeSet<>();
        List<InputProblem> notes = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    boolean hidden = !d.equals(dir) && d.getFileName().toString().startsWith(".");
                    return hidden && !hiddenFolders ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (f.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (a.isSymbolicLink()) { // FOLLOW_LINKS visits a link itself only when its target is missing
                        notes.add(note(f, Msg.text("files.dangling-link", "target", target(f))));
                    } else if (a.isRegularFile()) {
                        if (wanted.test(f)) {
                            files.add(f.normalize());
                        }
                    } else if (wanted.test(f)) {
                        notes.add(note(f, Msg.text("files.not-a-file")));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    notes.add(note(f, e instanceof FileSystemLoopException ? Msg.text("files.link-loop") : cannotRead(e)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    if (e != null) {
                        notes.add(note(d, cannotRead(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            notes.add(note(dir, cannotRead(e)));
        }
        return new Found(List.copyOf(files), List.copyOf(notes));
    }

    /**
     * What is wrong with a path the user named that is neither a readable file nor a folder.
     *
     * @param p the path
     * @return the problem
     */
    public static InputProblem notFound(Path p) {
        if (Files.isSymbolicLink(p)) {
            return note(p, Msg.text("files.dangling-link-given", "target", target(p)));
        }
        if (Files.exists(p)) {
            return note(p, Msg.text("files.not-a-file"));
        }
        return note(p, Msg.text("input.no-such-path"));
    }

    /** @return "cannot read …" with the reason in ordinary words */
    public static Text cannotRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return reason("files.permission-denied");
        }
        if (e instanceof NoSuchFileException) {
            return reason("files.vanished");
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fe && fe.getReason() != null) {
            m = fe.getReason();
        }
        return Msg.text("files.cannot-read", "reason", Bounded.cut(m));
    }

    private static Text reason(String key) {
        return new Text(Msg.get("zh", "files.cannot-read", "reason", Msg.get("zh", key)),
                Msg.get("en", "files.cannot-read", "reason", Msg.get("en", key)));
    }

    /** @return the problem of a path with a message */
    public static InputProblem note(Path p, Text t) {
        return new InputProblem(Paths2.display(p), 0, 0, "", t);
    }

    private static String target(Path link) {
        try {
            return Bounded.cut(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /**
     * The same file given under two spellings (a relative and an absolute path, a symbolic link and its
     * target) is read once, under the first spelling, with a note naming the other: read twice, its
     * records would count twice.
     *
     * @param files files, sorted
     * @param notes where the notes go
     * @return the files, each once
     */
    public static java.util.TreeSet<Path> once(java.util.Collection<Path> files, List<InputProblem> notes) {
        java.util.Map<Path, Path> seen = new java.util.HashMap<>();
        java.util.TreeSet<Path> out = new java.util.TreeSet<>();
        for (Path f : files) {
            Path real;
            try {
                real = f.toRealPath();
            } catch (IOException e) {
                real = f.toAbsolutePath().normalize();
            }
            Path first = seen.putIfAbsent(real, f);
            if (first == null) {
                out.add(f);
            } else {
                notes.add(new InputProblem(f.toString(), 0, 0, "", Msg.text("files.same-file", "first", first.toString())));
            }
        }
        return out;
    }
}
