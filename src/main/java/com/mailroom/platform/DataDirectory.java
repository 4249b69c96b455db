package com.mailroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code mailroom.data-dir}: where the embedded database and the generated key file live. */
public final class DataDirectory {

    public static final String KEY = "mailroom.data-dir";

    private DataDirectory() {}

    /** The directory, created when missing. Read through MP Config, so MAILROOM_DATA_DIR works too. */
    public static Path resolve() {
        String configured = ConfigProvider.getConfig(DataDirectory.class.getClassLoader())
                .getOptionalValue(KEY, String.class)
                .orElse("./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir + " (" + KEY + ")", e);
        }
        return dir;
    }
}
