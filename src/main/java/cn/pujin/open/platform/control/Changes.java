package cn.pujin.open.platform.control;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an edit changed: the names of the components in which two versions of a record differ, in declaration order. */
public final class Changes {

    private Changes() {
    }

    public static <R extends Record> List<String> between(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(before), c.getAccessor().invoke(after))) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return changed;
    }
}
