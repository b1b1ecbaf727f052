package cn.pujin.open.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Tells whoever started the app where to open it, once everything is deployed. */
@ApplicationScoped
public class ReadyBanner {

    private static final Logger LOG = Logger.getLogger(ReadyBanner.class.getName());

    @Inject
    Links links;

    void ready(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> Messages.get(Messages.CHINESE, "app.name") + " is ready: " + links.to("/"));
    }
}
