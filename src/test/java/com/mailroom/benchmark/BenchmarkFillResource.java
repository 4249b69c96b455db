package com.mailroom.benchmark;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import com.fasterxml.uuid.UUIDClock;
import com.mailroom.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Benchmark only, like {@link BenchmarkQueueResource}: fills the outbox with {@code n} mails sent over the last 29 days
 * (inside the default retention, so each keeps its content row, as a month of real traffic would), for way (f): (c)
 * with a full table. Plain JDBC batches, {@value #CHUNK} mails per call (the caller repeats), so no transaction grows
 * large.
 */
@Path("benchmark/fill")
@RequestScoped
public class BenchmarkFillResource {

    static final int CHUNK = 10_000;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Writes mails {@code from} to {@code from} + {@value #CHUNK} (at most {@code total}) of {@code total}.
     *
     * @return how many mails were written (and committed)
     */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String fill(@QueryParam("from") int from, @QueryParam("total") int total) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        long spreadSeconds = ChronoUnit.SECONDS.between(now.minusDays(29), now);
        int count = Math.max(0, Math.min(total - from, CHUNK));
        try (Connection c = dataSource.getConnection();
                PreparedStatement mail = c.prepareStatement("INSERT INTO outbound_mail (id, status, category,"
                        + " to_addresses, cc_addresses, bcc_addresses, subject, size_bytes, attachment_count,"
                        + " attempts, next_attempt_at, created_at, sent_at) VALUES (?, 'sent', 'ADMIN_NOTIFICATION',"
                        + " ?, '', '', ?, ?, 0, 1, ?, ?, ?)");
                PreparedStatement content = c.prepareStatement(
                        "INSERT INTO outbound_content (mail_id, part, seq, data) VALUES (?, 0, 0, ?)")) {
            long[] queuedAt = {0};
            // ids as Mailroom gives them (version 7), made at the time each mail would have been queued
            NoArgGenerator ids = Generators.timeBasedEpochGenerator(new Random(), new UUIDClock() {
                @Override
                public long currentTimeMillis() {
                    return queuedAt[0];
                }
            });
            for (int i = from; i < from + count; i++) {
                // spread evenly over the 29 days, the oldest first, as they would have been queued
                OffsetDateTime at = now.minusDays(29).plusSeconds(spreadSeconds * i / total);
                queuedAt[0] = at.toInstant().toEpochMilli();
                String id = ids.generate().toString();
                mail.setString(1, id);
                mail.setString(2, "old" + i + "@example.com");
                mail.setString(3, "Sent before " + i);
                mail.setLong(4, BenchmarkMail.TEXT.length());
                mail.setObject(5, at);
                mail.setObject(6, at);
                mail.setObject(7, at.plusSeconds(1));
                mail.addBatch();
                content.setString(1, id);
                content.setString(2, BenchmarkMail.TEXT);
                content.addBatch();
            }
            mail.executeBatch();
            content.executeBatch();
        }
        return Integer.toString(count);
    }
}
