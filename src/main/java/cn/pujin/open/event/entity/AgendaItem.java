package cn.pujin.open.event.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A topic of a decision meeting (议题) with its materials. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    @Id
    @SequenceGenerator(name = "agenda_item_seq", sequenceName = "agenda_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agenda_item_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private Event event;

    @Column(name = "ordinal", nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 2000)
    private String summary;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agenda_item_material", joinColumns = @JoinColumn(name = "agenda_item_id"))
    @OrderColumn(name = "ordinal")
    private List<Material> materials = new ArrayList<>();

    @Version
    private long version;

    protected AgendaItem() {}

    public AgendaItem(Event event, int position, String title, String summary, List<Material> materials) {
        this.event = event;
        this.position = position;
        update(title, summary, materials);
    }

    public final void update(String title, String summary, List<Material> materials) {
        this.title = title;
        this.summary = summary;
        this.materials.clear();
        this.materials.addAll(materials);
    }

    public Long getId() { return id; }
    public Event getEvent() { return event; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public List<Material> getMaterials() { return materials; }
    public long getVersion() { return version; }
}
