package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.message.control.InvestigationView;
import cn.pujin.open.message.control.Investigations;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /messages/investigation.xhtml?id=}: a published topic investigation — findings, conclusion, the messages it answers. */
@Named
@RequestScoped
public class InvestigationPage {

    @Inject
    Investigations investigations;

    @Inject
    CurrentInputActor actor;

    private String id;
    private InvestigationView investigation;

    /** Before the page renders: the investigation, or the 404 page. */
    public void load() {
        try {
            var me = actor.orNull();
            investigation = investigations.view(me, investigations.readable(me, Ids.parse(id)));
        } catch (RuntimeException unknown) {
            Faces.notFound();
        }
    }

    public InvestigationView getInvestigation() {
        if (investigation == null) {
            load();
        }
        return investigation;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
