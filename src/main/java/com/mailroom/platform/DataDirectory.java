package com.mailroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code mailroom.data-dir}: where the embedded database and the generated key file live. */
public final class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    public static final String KEY = "mailroom.data-dir";

    private DataDirectory() {}

    /** The directory, created when missing. Read through MP Config, so MAILROOM_DATA_DIR works too. */
    public static Path resolve() {
        String configured = ConfigProvider.getConfig(DataDirectory.class.getClassLoader())
                .getOptionalValue(KEY, String.class)
                .orElse("./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                ownerOnly(dir, "rwx------"); // the database and the key file are nobody else's business
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir + " (" + KEY + ")", e);
        }
        return dir;
    }

    /**
     * Makes the files of the directory readable and writable by their owner only (the H2 database is created with
     * the process's umask, often 0644): at start-up, once the database exists.
     */
    public static void restrictFiles() {
        Path dir = resolve();
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                ownerOnly(file, "rw-------");
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not restrict the files in " + dir + " to their owner: " + e.getMessage());
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
