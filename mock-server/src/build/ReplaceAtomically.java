import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of mock-server (exec-maven-plugin, package phase), run with the JDK's single-file source launcher:
 * {@code java ReplaceAtomically.java [--store] SOURCE TARGET} copies SOURCE next to TARGET, then renames the copy over
 * TARGET in one atomic step. With {@code --store} the copy holds every entry of the jar SOURCE uncompressed: the
 * JVM then reads classes without inflating them, which takes about 50 ms off the mock's start (issue 11 item 7),
 * for a jar about 2.5 times larger. TARGET is never opened for writing, so a JVM running {@code java -jar TARGET} keeps reading its
 * own, now unlinked, file while the build replaces the path; the next start gets the new jar. Prints nothing unless
 * it fails.
 */
public final class ReplaceAtomically {

    private ReplaceAtomically() {
    }

    public static void main(String[] args) throws IOException {
        boolean store = args.length == 3 && args[0].equals("--store");
        if (args.length != (store ? 3 : 2)) {
            System.err.println("usage: java ReplaceAtomically.java [--store] SOURCE TARGET");
            System.exit(2);
        }
        Path source = Path.of(args[store ? 1 : 0]);
        Path target = Path.of(args[store ? 2 : 1]).toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            System.err.println("ReplaceAtomically: " + source + " does not exist; run the shade step first");
            System.exit(1);
        }
        if (!store && Files.isRegularFile(target) && Files.mismatch(source, target) == -1) {
            return; // same bytes: nothing to replace
        }
        Path temporary = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            if (store) {
                storeEntries(source, temporary);
                if (Files.isRegularFile(target) && Files.mismatch(temporary, target) == -1) {
                    return; // same bytes: nothing to replace
                }
            } else {
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AccessDeniedException e) {
            // Windows keeps a running jar locked: there a rebuild needs the mock stopped first.
            Files.deleteIfExists(temporary);
            System.err.println("ReplaceAtomically: cannot replace " + target + " (" + e.getMessage()
                    + "); stop the mock that runs it, then build again");
            System.exit(1);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes the entries of the jar {@code source} to {@code target} in the same order, each STORED (uncompressed). */
    private static void storeEntries(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(target); ZipOutputStream jar = new ZipOutputStream(out)) {
            jar.setMethod(ZipOutputStream.STORED);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                stored.setCrc(crc.getValue());
                stored.setTime(entry.getTime());
                jar.putNextEntry(stored);
                jar.write(bytes);
                jar.closeEntry();
            }
        }
    }
}
