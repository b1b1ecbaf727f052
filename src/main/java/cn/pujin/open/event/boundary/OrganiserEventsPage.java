package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Paging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** {@code /organiser/}: all events' working copies, newest change first, paged in the database. */
@Named
@ViewScoped
public class OrganiserEventsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Events events;

    private EventStatus status;

    /** The list's order, chosen above it (the last edited first unless the organiser picks the start). */
    private Events.WorkingOrder order = Events.WorkingOrder.EDITED;

    private final LazyDataModel<EventView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) events.workingList(statuses(), false, new Paging(0, 1)).total();
        }

        @Override
        public List<EventView> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int size = Math.max(1, Math.min(pageSize, Paging.MAX_SIZE));
            return events.workingList(statuses(), false, order, new Paging(first / size, size)).items();
        }

        @Override
        public String getRowKey(EventView event) {
            return String.valueOf(event.id());
        }
    };

    private Set<EventStatus> statuses() {
        return status == null ? EnumSet.noneOf(EventStatus.class) : EnumSet.of(status);
    }

    public LazyDataModel<EventView> getModel() {
        return model;
    }

    public EventStatus[] getStatuses() {
        return EventStatus.values();
    }

    public Events.WorkingOrder[] getOrders() {
        return Events.WorkingOrder.values();
    }

    public Events.WorkingOrder getOrder() { return order; }
    public void setOrder(Events.WorkingOrder order) { this.order = order == null ? Events.WorkingOrder.EDITED : order; }
    public EventStatus getStatus() { return status; }
    public void setStatus(EventStatus status) { this.status = status; }
}
