package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.Campaigns;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The home page: the open-month banner and what is coming up. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    Campaigns campaigns;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Clock clock;

    private Optional<Campaign> campaign;
    private List<EventView> openDays;
    private List<EventView> meetings;

    public Campaign getCampaign() {
        if (campaign == null) {
            campaign = campaigns.featured(LocalDate.now(clock));
        }
        return campaign.orElse(null);
    }

    /** running, upcoming or past — chooses the banner's wording. */
    public String getCampaignState() {
        Campaign c = getCampaign();
        LocalDate today = LocalDate.now(clock);
        if (c == null) {
            return "";
        }
        return c.covers(today) ? "running" : c.getStartsOn().isAfter(today) ? "upcoming" : "past";
    }

    public String getCampaignLink() {
        Campaign c = getCampaign();
        return c == null ? "/events/" : "/events/?campaign=" + URLEncoder.encode(c.getName(), StandardCharsets.UTF_8)
                + ("past".equals(getCampaignState()) ? "&when=past" : "");
    }

    public List<EventView> getOpenDays() {
        if (openDays == null) {
            openDays = upcoming(EventKind.OPEN_DAY, 6).items();
        }
        return openDays;
    }

    public List<EventView> getMeetings() {
        if (meetings == null) {
            meetings = upcoming(EventKind.DECISION_MEETING, 3).items();
        }
        return meetings;
    }

    private Page<EventView> upcoming(EventKind kind, int size) {
        return publicEvents.publicList(new PublicEvents.PublicQuery(kind, publicEvents.upcomingFrom(), null, null, null, false), new Paging(0, size));
    }
}
