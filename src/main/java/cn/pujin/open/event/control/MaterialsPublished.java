package cn.pujin.open.event.control;

import java.util.List;

/** CDI event, fired in the approving transaction when an approved version of a meeting carries new materials. */
public record MaterialsPublished(Long eventId, List<String> titles) {}
