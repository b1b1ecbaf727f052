package cn.pujin.open.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST API lives under {@code /api/v1}; see DESIGN.md for the contract, {@code /openapi} for its description. Jersey's
 * own description ({@code application.wadl}) is off: it listed every resource method, internal ones included, to anyone.
 */
@ApplicationPath("api/v1")
@DeclareRoles({"CITIZEN", "REPRESENTATIVE", "ORGANISER", "REVIEWER", "HANDLER", "ADMIN", "STATION"})
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
