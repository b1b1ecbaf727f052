package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.Stations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code /admin/system.xhtml}, its stations part: every check-in station key across events. */
@Named
@RequestScoped
public class StationsOverviewPage {

    @Inject
    Stations stations;

    public List<Stations.StationOverview> getStations() {
        return stations.overview(200);
    }
}
