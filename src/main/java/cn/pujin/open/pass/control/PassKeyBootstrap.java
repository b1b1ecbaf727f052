package cn.pujin.open.pass.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Makes sure a signing key exists and is loaded before the first request. Created lazily, the first key
 * would be made inside the first registrations' transactions, which hold the event's seat lock and a pooled
 * connection each while the key's own transaction waits for one (a deadlock under a launch-day burst).
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class PassKeyBootstrap {

    @Inject
    PassKeys keys;

    @PostConstruct
    void load() {
        keys.signing();
    }
}
