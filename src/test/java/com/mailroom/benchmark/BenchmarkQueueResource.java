package com.mailroom.benchmark;

import com.mailroom.delivery.boundary.Outbox;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.entity.Category;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark only: added by {@link BenchmarkWar} to a <em>copy</em> of the WAR, never to the shipped one. It plays
 * application code that notifies many users at once through the outbox's CDI service ({@code Outbox.queue(List)}),
 * a transaction per {@code chunk} mails, so workers start on the first chunk while the rest is being queued. Not
 * under web.xml's constraints, so no login; the benchmark's server listens on loopback only.
 */
@Path("benchmark/queue")
@RequestScoped
public class BenchmarkQueueResource {

    @Inject
    Outbox outbox;

    /** @return how many mails were queued (and committed) */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String queue(
            @QueryParam("n") int n,
            @QueryParam("chunk") @DefaultValue("100") int chunk,
            @QueryParam("run") @DefaultValue("run") String run) {
        for (int from = 0; from < n; from += chunk) {
            List<MailMessage> batch = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(n, from + chunk); i++) {
                batch.add(MailMessage.text(
                        Category.ADMIN_NOTIFICATION,
                        "r" + i + "@example.com",
                        "Benchmark " + run + " " + i,
                        BenchmarkMail.TEXT));
            }
            outbox.queue(batch);
        }
        return Integer.toString(n);
    }
}
