package cn.pujin.open.selection.boundary;

import cn.pujin.open.selection.control.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** On a meeting's page: whether its 公示 (the published selection) exists, so the page can link to it. */
@Named
@RequestScoped
public class SelectionNotice {

    @Inject
    Selections selections;

    public boolean published(Long eventId) {
        return eventId != null && selections.selection(eventId).map(s -> s.isPublished()).orElse(false);
    }
}
