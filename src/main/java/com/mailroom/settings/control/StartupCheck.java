package com.mailroom.settings.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

/** A node that starts checks the saved settings once in the background, so its status is current from the start. */
@Singleton
@Startup
@DependsOn("Database")
public class StartupCheck {

    @Resource
    ManagedExecutorService executor;

    @Inject
    BackgroundCheck check;

    @PostConstruct
    void checkSoon() {
        executor.submit(check::checkNow);
    }
}
