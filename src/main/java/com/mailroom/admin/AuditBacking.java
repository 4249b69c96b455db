package com.mailroom.admin;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.boundary.AuditView;
import com.mailroom.audit.control.AuditQuery;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.InvalidInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Admin › Audit ({@code /admin/audit.xhtml}): the audit trail, newest first, filtered by actor, kind and time, a page
 * of {@value #PAGE} at a time. The filter and the page are the URL's parameters (view parameters), so a filtered view
 * can be bookmarked and sent on; Filter posts the form and redirects to that URL.
 */
@Named
@RequestScoped
public class AuditBacking {

    static final int PAGE = 50;

    @Inject
    AuditTrail trail;

    @Inject
    AdminShell shell;

    private String actor;
    private String kind;
    private String since;
    private int offset;
    private List<AuditView> entries = List.of();
    private boolean more;

    /** Reads the page the parameters ask for; a wrong parameter is said next to its input. */
    public void load() {
        try {
            var query = AuditQuery.parse(
                    actor, kind, DateTimeInputs.asUtc(since), Integer.toString(offset), Integer.toString(PAGE + 1));
            var found = trail.list(query);
            more = found.size() > PAGE;
            entries = more ? found.subList(0, PAGE) : found;
        } catch (InvalidInput e) {
            FacesErrors.show(e, Map.of("actor", "actor", "kind", "kind", "since", "since"));
        }
    }

    public String filter() {
        offset = 0;
        return "/admin/audit.xhtml?faces-redirect=true&includeViewParams=true";
    }

    public List<AuditKind> getKinds() {
        return List.of(AuditKind.values());
    }

    public String localTime(String at) {
        return shell.localTime(Instant.parse(at));
    }

    public List<AuditView> getEntries() {
        return entries;
    }

    public boolean isMore() {
        return more;
    }

    public int getNewerOffset() {
        return Math.max(0, offset - PAGE);
    }

    public int getOlderOffset() {
        return offset + PAGE;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public int getOffset() {
        return offset;
    }

    public void setOffset(int offset) {
        this.offset = Math.max(0, offset);
    }
}
