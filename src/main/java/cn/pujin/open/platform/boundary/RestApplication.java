package cn.pujin.open.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api/v1}; see DESIGN.md for the contract. */
@ApplicationPath("api/v1")
@DeclareRoles({"CITIZEN", "REPRESENTATIVE", "ORGANISER", "REVIEWER", "HANDLER", "ADMIN", "STATION"})
public class RestApplication extends Application {
}
