import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step of mock-server (exec-maven-plugin, package phase), run with the JDK's single-file source launcher:
 * {@code java ReplaceAtomically.java SOURCE TARGET} copies SOURCE next to TARGET, then renames the copy over TARGET
 * in one atomic step. TARGET is never opened for writing, so a JVM running {@code java -jar TARGET} keeps reading its
 * own, now unlinked, file while the build replaces the path; the next start gets the new jar. Prints nothing unless
 * it fails.
 */
public final class ReplaceAtomically {

    private ReplaceAtomically() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ReplaceAtomically.java SOURCE TARGET");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            System.err.println("ReplaceAtomically: " + source + " does not exist; run the shade step first");
            System.exit(1);
        }
        if (Files.isRegularFile(target) && Files.mismatch(source, target) == -1) {
            return; // same bytes: nothing to replace
        }
        Path temporary = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AccessDeniedException e) {
            // Windows keeps a running jar locked: there a rebuild needs the mock stopped first.
            Files.deleteIfExists(temporary);
            System.err.println("ReplaceAtomically: cannot replace " + target + " (" + e.getMessage()
                    + "); stop the process that runs it, then build again");
            System.exit(1);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
