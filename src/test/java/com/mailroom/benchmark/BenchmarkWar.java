package com.mailroom.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A copy of the built WAR with {@link BenchmarkQueueResource} added, so (c) can queue from inside the application
 * as its own code does, and {@link BenchmarkFillResource}, so (f) can start with a full outbox. The shipped
 * {@code target/mailroom.war} is left as it is.
 */
final class BenchmarkWar {

    private BenchmarkWar() {}

    static Path of(Path war) throws Exception {
        Path copy = Files.createTempDirectory("mailroom-benchmark-war").resolve("mailroom-benchmark.war");
        ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile())
                .addClasses(BenchmarkQueueResource.class, BenchmarkFillResource.class, BenchmarkMail.class)
                .as(ZipExporter.class)
                .exportTo(copy.toFile(), true);
        return copy;
    }
}
