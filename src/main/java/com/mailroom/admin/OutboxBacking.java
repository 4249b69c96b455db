package com.mailroom.admin;

import com.mailroom.delivery.boundary.MailView;
import com.mailroom.delivery.boundary.Outbox;
import com.mailroom.delivery.control.RetentionRule;
import com.mailroom.delivery.entity.MailStatus;
import com.mailroom.errors.MailroomException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Admin › Outbox ({@code /admin/outbox.xhtml}): mails per status, how long sent ones are kept, the failed ones with
 * their errors, and resend.
 */
@Named
@ViewScoped
public class OutboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Outbox outbox;

    private Map<MailStatus, Long> counts;
    private List<MailView> failed;
    private RetentionRule retention;

    @PostConstruct
    void load() {
        counts = outbox.counts();
        failed = outbox.list(MailStatus.FAILED, 0, Outbox.MAX_PAGE);
        retention = outbox.retention();
    }

    public String resend(String id) {
        try {
            outbox.resend(id);
        } catch (MailroomException e) {
            FacesErrors.show(e, Map.of());
            return null;
        }
        FacesErrors.flash("outbox.resent");
        return "/admin/outbox.xhtml?faces-redirect=true";
    }

    public List<MailStatus> getStatuses() {
        return List.of(MailStatus.values());
    }

    public Map<MailStatus, Long> getCounts() {
        return counts;
    }

    /** Days a sent mail keeps its content. */
    public double getContentDays() {
        return retention.contentDays();
    }

    /** Days a sent mail stays listed. */
    public double getRowDays() {
        return retention.rowDays();
    }

    public List<MailView> getFailed() {
        return failed;
    }
}
