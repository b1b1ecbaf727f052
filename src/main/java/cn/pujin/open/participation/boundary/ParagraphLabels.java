package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.platform.boundary.Faces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** {@code #{paragraphLabels.of(n)}}: what a comment or group is about, as pages say it — "第3段", or "全文" for the whole draft. */
@Named
@ApplicationScoped
public class ParagraphLabels {

    public String of(Integer number) {
        return Consultations.paragraphLabel(Faces.locale(), number);
    }
}
