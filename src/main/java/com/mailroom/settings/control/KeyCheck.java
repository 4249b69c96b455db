package com.mailroom.settings.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Refuses to start a node whose key for secrets at rest is not the key of the nodes that share its database: its
 * secrets would be undecryptable for them and theirs for it. The first node stores a value encrypted with its key;
 * every later start must decrypt it. The check is serialised across nodes on the rate limit's lock row.
 */
@Singleton
@Startup
@DependsOn("Database")
public class KeyCheck {

    private static final String PURPOSE = "key.check";
    private static final String PROOF = "Mailroom key check";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @PostConstruct
    void verify() {
        em.createNativeQuery("SELECT id FROM rate_limit_lock WHERE id = 1 FOR UPDATE")
                .getResultList();
        List<?> stored = em.createNativeQuery("SELECT ciphertext FROM secret_key_check WHERE id = 1")
                .getResultList();
        if (stored.isEmpty()) {
            em.createNativeQuery("INSERT INTO secret_key_check (id, ciphertext) VALUES (1, ?)")
                    .setParameter(1, cipher.encrypt(PROOF, PURPOSE))
                    .executeUpdate();
            return;
        }
        if (!decrypts((String) stored.get(0))) {
            throw new IllegalStateException("mailroom.secret-key (MAILROOM_SECRET_KEY) of this node is not the key of"
                    + " the nodes that share its database, so neither could read the other's secrets. Set the same"
                    + " mailroom.secret-key on every node (a generated key file belongs to one node only).");
        }
    }

    private boolean decrypts(String ciphertext) {
        try {
            return PROOF.equals(cipher.decrypt(ciphertext, PURPOSE));
        } catch (IllegalStateException wrongKey) {
            return false;
        }
    }
}
