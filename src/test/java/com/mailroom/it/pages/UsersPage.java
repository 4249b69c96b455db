package com.mailroom.it.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Admin › Users: the list of users with their row actions (edit, make or remove an administrator, remove with a
 * confirmation step), the edit form, and the form that adds one; the API credentials with Revoke (confirmed on the
 * page) and the form that issues one, whose secret the page shows once.
 */
public final class UsersPage extends AdminPage {

    public UsersPage(WebDriver driver, String base) {
        super(driver, base, "userForm");
    }

    /** The users table as text. */
    public String list() {
        return text("users");
    }

    /** The row of the user {@code name} as text: name, e-mail, role and the actions' captions. */
    public String row(String name) {
        return row(name, "").getText().strip();
    }

    public boolean lists(String name) {
        return !driver.findElements(By.cssSelector("tr[data-user='" + name + "']"))
                .isEmpty();
    }

    /** Types into a field of the forms: {@code username}, {@code email}, {@code password}, {@code editEmail} … */
    public UsersPage fill(String field, String value) {
        type(field, value);
        return this;
    }

    /** Ticks (or unticks) "Administrator". */
    public UsersPage toggleAdministrator() {
        driver.findElement(By.id("admin")).click();
        return this;
    }

    public UsersPage add() {
        clickThrough("addUser");
        return this;
    }

    /** "Edit" in the user's row: the edit form opens with the e-mail address filled in. */
    public UsersPage edit(String name) {
        clickThrough(row(name, " [data-action='edit']"));
        return this;
    }

    /** The edit form's "Save changes". */
    public UsersPage saveChanges() {
        clickThrough("saveUser");
        return this;
    }

    public UsersPage cancelEdit() {
        clickThrough("cancelEdit");
        return this;
    }

    /** The caption of the row's role button: "Make administrator" or "Remove administrator". */
    public String roleAction(String name) {
        return row(name, " [data-action='role']").getAttribute("value");
    }

    /** Makes the user an administrator, or a user when they are one. */
    public UsersPage toggleRole(String name) {
        clickThrough(row(name, " [data-action='role']"));
        return this;
    }

    /** "Remove" in the user's row: the page asks to confirm ({@link #confirmation()}). */
    public UsersPage remove(String name) {
        clickThrough(row(name, " [data-action='remove']"));
        return this;
    }

    public boolean asksToConfirm() {
        return has("removeForm");
    }

    /** The question of the confirmation step. */
    public String confirmation() {
        return text("removeQuestion");
    }

    /** The confirmation's caption ("Remove alice"). */
    public String confirmLabel() {
        return value("confirmRemove");
    }

    public UsersPage confirmRemove() {
        clickThrough("confirmRemove");
        return this;
    }

    public UsersPage cancelRemove() {
        clickThrough("cancelRemove");
        return this;
    }

    public boolean isEditing() {
        return has("editForm");
    }

    /** The heading of the edit form ("Edit alice"). */
    public String editTitle() {
        return text("editTitle");
    }

    /** The id of the element that has the focus. */
    public String focused() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    // --- API credentials

    /** Issues a credential for the admin signed in; {@code expires} as a browser's date and time (UTC), or null. */
    public UsersPage issueCredential(String scope, String expires, String description) {
        select("credentialScope", scope);
        if (expires != null) {
            // a datetime-local input takes its value in the browser's own layout when typed: set it as a form would
            script("document.getElementById('credentialExpires').value = arguments[0];", expires);
        }
        if (description != null) {
            type("credentialDescription", description);
        }
        clickThrough("issueCredential");
        return this;
    }

    /** Whether the page shows a just-issued credential with its secret. */
    public boolean showsIssued() {
        return has("issued");
    }

    public String issuedClientId() {
        return text("issuedClientId");
    }

    public String issuedSecret() {
        return text("issuedSecret");
    }

    public boolean listsCredential(String clientId) {
        return !driver.findElements(By.cssSelector("tr[data-client-id='" + clientId + "']"))
                .isEmpty();
    }

    /** The credential's row as text: user, client id, scope, description, created, expires, last used. */
    public String credentialRow(String clientId) {
        return credential(clientId, "").getText().strip();
    }

    /** The column names of the credential's cells, as a phone shows them (data-label). */
    public List<String> credentialLabels(String clientId) {
        return credential(clientId, "").findElements(By.cssSelector("td, th")).stream()
                .map(c -> c.getAttribute("data-label"))
                .toList();
    }

    /** "Revoke" in the credential's row: the page asks to confirm. */
    public UsersPage revokeCredential(String clientId) {
        clickThrough(credential(clientId, " [data-action='revoke']"));
        return this;
    }

    public boolean asksToConfirmRevoke() {
        return has("revokeForm");
    }

    public String revokeQuestion() {
        return text("revokeQuestion");
    }

    public String confirmRevokeLabel() {
        return value("confirmRevoke");
    }

    public UsersPage confirmRevoke() {
        clickThrough("confirmRevoke");
        return this;
    }

    public UsersPage cancelRevoke() {
        clickThrough("cancelRevoke");
        return this;
    }

    private WebElement credential(String clientId, String inside) {
        return driver.findElement(By.cssSelector("tr[data-client-id='" + clientId + "']" + inside));
    }

    private WebElement row(String name, String inside) {
        return driver.findElement(By.cssSelector("tr[data-user='" + name + "']" + inside));
    }
}
